package dev.certdocs.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The clouds an article asks for, computed once when it is made. */
class ArticleTest {

    private static Article article(String... attributes) {
        SourcePosition at = SourcePosition.start("a.md");
        List<Attribute> list = new java.util.ArrayList<>();
        for (int i = 0; i < attributes.length; i += 2) list.add(new Attribute(attributes[i], attributes[i + 1], at, at));
        return new Article("a.md", Path.of("a.md"), Optional.of(new Properties(list, at)), Body.empty(1));
    }

    @Test
    void cloudIdsAreTheEnvironmentsLowerCasedWithoutTheDisabledOnesOrRepeats() {
        Article a = article("cloudEnvironments", "Public, Fairfax, mooncake, PUBLIC, usnat", "disableClouds", "MoonCake");
        assertEquals(List.of("public", "fairfax", "usnat"), a.cloudIds());
    }

    @Test
    void anArticleWithoutPropertiesAsksForNoCloud() {
        Article a = new Article("a.md", Path.of("a.md"), Optional.empty(), Body.empty(1));
        assertEquals(List.of(), a.cloudIds());
    }

    @Test
    void aCopyKeepsTheListItWasGiven() {
        Article a = article("cloudEnvironments", "public");
        Article copy = new Article(a.path(), a.file(), a.properties(), Body.empty(3), a.cloudIds());
        assertSame(a.cloudIds(), copy.cloudIds());
        assertEquals(List.of("public"), copy.cloudIds());
    }
}
