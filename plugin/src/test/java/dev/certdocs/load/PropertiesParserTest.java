package dev.certdocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certdocs.diagnostic.Diagnostic;
import dev.certdocs.model.Attribute;
import dev.certdocs.model.Properties;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The properties-block grammar of docs/design.md §2, position by position. Attributes are shown as
 * {@code name@line:col="value"@line:col} (the name's position, then the value's first character).
 */
class PropertiesParserTest {

    private static final String PATH = "articles/a.md";

    private static PropertiesParser.Result parse(String text) {
        return PropertiesParser.parse(new SourceText(PATH, text));
    }

    private static List<String> attributes(PropertiesParser.Result result) {
        Properties p = result.properties().orElseThrow(() -> new AssertionError(
                "no properties; diagnostics: " + diagnostics(result)));
        return p.attributes().stream().map(PropertiesParserTest::show).toList();
    }

    private static String show(Attribute a) {
        return a.name() + "@" + a.position().line() + ":" + a.position().column()
                + "=\"" + a.value() + "\"@" + a.valuePosition().line() + ":" + a.valuePosition().column();
    }

    private static List<String> diagnostics(PropertiesParser.Result result) {
        return result.diagnostics().stream().map(Diagnostic::format).toList();
    }

    /** The text of the body as the parser hands it on: from its body offset, line breaks normalised. */
    private static String body(String text, PropertiesParser.Result result) {
        return new SourceText(PATH, text).text().substring(result.bodyOffset());
    }

    // ---- well-formed blocks

    @Test
    void parsesAttributesWithTheirNameAndValuePositions() {
        String text = """
                <properties
                \tpageTitle="Title"
                \tarticleId="abc"
                />

                # Title
                """;
        var result = parse(text);
        assertEquals(List.of(), diagnostics(result));
        assertEquals(List.of("pageTitle@2:2=\"Title\"@2:13", "articleId@3:2=\"abc\"@3:13"), attributes(result));
        assertEquals("articles/a.md:1:1", result.properties().orElseThrow().position().toString());
        assertEquals("\n\n# Title\n", body(text, result));
    }

    @Test
    void skipsAByteOrderMarkWithoutCountingIt() {
        var result = parse("\uFEFF<properties pageTitle=\"T\" />\n# T\n");
        assertEquals(List.of(), diagnostics(result));
        assertEquals(List.of("pageTitle@1:13=\"T\"@1:24"), attributes(result));
        assertEquals("articles/a.md:1:1", result.properties().orElseThrow().position().toString());
    }

    @Test
    void countsWindowsLineEndingsAsOneLineBreak() {
        String text = "<properties\r\n\tpageTitle=\"T\"\r\n\tdescription=\"one\r\ntwo\"\r\n\tarticleId=\"x\"\r\n/>\r\n\r\n# T\r\n";
        var result = parse(text);
        assertEquals(List.of(), diagnostics(result));
        assertEquals(List.of("pageTitle@2:2=\"T\"@2:13", "description@3:2=\"one\ntwo\"@3:15",
                "articleId@5:2=\"x\"@5:13"), attributes(result));
        assertEquals("\n\n# T\n", body(text, result));
    }

    @Test
    void countsALoneCarriageReturnAsALineBreak() {
        var result = parse("<properties\r\tpageTitle=\"T\"\r\tarticleId=\"x\"\r/>\r# T\r");
        assertEquals(List.of(), diagnostics(result));
        assertEquals(List.of("pageTitle@2:2=\"T\"@2:13", "articleId@3:2=\"x\"@3:13"), attributes(result));
    }

    @Test
    void decodesTheEntitiesOfTheFormat() {
        var result = parse("<properties pageTitle=\"Fish &amp; chips: &quot;fresh&quot; &lt;daily&gt;\" />");
        assertEquals(List.of("pageTitle@1:13=\"Fish & chips: \"fresh\" <daily>\"@1:24"), attributes(result));
    }

    @Test
    void decodesNumericReferencesAndApostrophes() {
        var result = parse("<properties a=\"&#65;&#x42;&#X43; &apos;&#128512;\" />");
        assertEquals(List.of("a@1:13=\"ABC '\uD83D\uDE00\"@1:16"), attributes(result));
    }

    @Test
    void keepsTextThatIsNotAKnownEntityAsWritten() {
        var result = parse("<properties a=\"&nbsp; &amp &#xZZ; &; AT&T\" />");
        assertEquals(List.of("a@1:13=\"&nbsp; &amp &#xZZ; &; AT&T\"@1:16"), attributes(result));
    }

    @Test
    void keepsPositionsOfLaterAttributesRightAfterAValueSpanningLines() {
        String text = """
                <properties
                \tdescription="A description
                \t\tthat goes on
                over three lines" pageTitle="T"
                \tarticleId="x"
                />
                """;
        var result = parse(text);
        assertEquals(List.of(), diagnostics(result));
        assertEquals(List.of("description@2:2=\"A description\n\t\tthat goes on\nover three lines\"@2:15",
                "pageTitle@4:19=\"T\"@4:30", "articleId@5:2=\"x\"@5:13"), attributes(result));
    }

    @Test
    void acceptsTabsSpacesAndLineBreaksAroundTheEqualsSign() {
        String text = "<properties\n\tpageTitle \t= \t\"T\"\n\tarticleId\n\t=\n\t\"x\"\n\tservice=\n\"s\"\n/>";
        var result = parse(text);
        assertEquals(List.of(), diagnostics(result));
        assertEquals(List.of("pageTitle@2:2=\"T\"@2:17", "articleId@3:2=\"x\"@5:3", "service@6:2=\"s\"@7:2"),
                attributes(result));
    }

    @Test
    void acceptsNamesWithDotsUnderscoresHyphensAndDigits() {
        var result = parse("<properties ms.author=\"a\" owner_id=\"b\" x-ms-tag2=\"c\" />");
        assertEquals(List.of("ms.author@1:13=\"a\"@1:24", "owner_id@1:27=\"b\"@1:37", "x-ms-tag2@1:40=\"c\"@1:51"),
                attributes(result));
    }

    @Test
    void acceptsTheClosingMarkRightAfterAValueAndTheTagInAnyCase() {
        var result = parse("<PROPERTIES a=\"1\"/>Body");
        assertEquals(List.of(), diagnostics(result));
        assertEquals(List.of("a@1:13=\"1\"@1:16"), attributes(result));
        assertEquals("Body", body("<PROPERTIES a=\"1\"/>Body", result));
    }

    @Test
    void acceptsAnEmptyBlockAndEmptyValues() {
        assertEquals(List.of(), attributes(parse("<properties/>")));
        assertEquals(List.of("a@2:1=\"\"@2:4"), attributes(parse("<properties\na=\"\"\n/>")));
    }

    @Test
    void allowsHtmlCommentsAndWhiteSpaceBeforeTheBlock() {
        String text = "\n  <!-- generated -->\n<!-- a comment\n   over lines, <properties x=\"no\" /> inside -->\n\t<properties a=\"1\" />";
        var result = parse(text);
        assertEquals(List.of(), diagnostics(result));
        assertEquals(List.of("a@5:14=\"1\"@5:17"), attributes(result));
        assertEquals("articles/a.md:5:2", result.properties().orElseThrow().position().toString());
    }

    // ---- problems

    @Test
    void reportsADuplicateAttributeInOtherCasingAndKeepsTheFirstValue() {
        var result = parse("<properties\n\tarticleId=\"one\"\n\tpageTitle=\"T\"\n\tARTICLEID=\"two\"\n\tpageTitle=\"U\"\n/>");
        assertEquals(List.of(
                "articles/a.md:4:2: error [properties/duplicate-attribute] attribute 'ARTICLEID' is already set at 2:2 as 'articleId'; the first value is used",
                "articles/a.md:5:2: error [properties/duplicate-attribute] attribute 'pageTitle' is already set at 3:2; the first value is used"),
                diagnostics(result));
        assertEquals(List.of("articleId@2:2=\"one\"@2:13", "pageTitle@3:2=\"T\"@3:13"), attributes(result));
    }

    @Test
    void reportsAMissingBlockAtTheFirstSignificantCharacter() {
        var result = parse("<!-- note -->\n\n  # Title\n");
        assertEquals(List.of("articles/a.md:3:3: error [properties/missing] the article has no <properties … /> block; it must open the file"),
                diagnostics(result));
        assertTrue(result.properties().isEmpty());
        assertEquals(0, result.bodyOffset());
    }

    @Test
    void reportsAMissingBlockInAnEmptyOrBlankFileAtItsStart() {
        String message = "articles/a.md:1:1: error [properties/missing] the article has no <properties … /> block; it must open the file";
        assertEquals(List.of(message), diagnostics(parse("")));
        assertEquals(List.of(message), diagnostics(parse("\n \t\n")));
    }

    @Test
    void doesNotTakeALongerTagNameForTheBlock() {
        assertEquals(List.of("articles/a.md:1:1: error [properties/missing] the article has no <properties … /> block; it must open the file"),
                diagnostics(parse("<propertiesx a=\"1\" />\n# T")));
    }

    @Test
    void reportsABlockThatIsNotFirstAndStillReadsIt() {
        var result = parse("# Title\n\n<properties a=\"1\" />\n");
        assertEquals(List.of("articles/a.md:3:1: error [properties/position] the properties block must come first: "
                + "only white space and HTML comments may precede it, but '# Title' comes first at 1:1"), diagnostics(result));
        assertEquals(List.of("a@3:13=\"1\"@3:16"), attributes(result));
    }

    @Test
    void reportsAnUnterminatedBlockWhereItOpens() {
        String text = "<!-- c -->\n<properties\n\ta=\"1\"\n";
        var result = parse(text);
        assertEquals(List.of("articles/a.md:2:1: error [properties/syntax] unterminated properties block: the <properties opened at 2:1 is never closed with '/>'"),
                diagnostics(result));
        assertTrue(result.properties().isEmpty());
        assertEquals("", body(text, result));
    }

    @Test
    void startsTheBodyWhereParsingStoppedWhenTheClosingMarkIsForgotten() {
        String text = "<properties\n\ta=\"1\"\n\n# Title\n\nLine<br/>break\n";
        var result = parse(text);
        assertEquals(List.of("articles/a.md:4:1: error [properties/syntax] unexpected '#' in the properties block: expected an attribute name or '/>'"),
                diagnostics(result));
        assertEquals("# Title\n\nLine<br/>break\n", body(text, result));
    }

    @Test
    void reportsABlockClosedWithAGreaterThanSignAndStartsTheBodyAfterIt() {
        String text = "<properties\n\ta=\"1\"\n>\n# Title <br/>\n";
        var result = parse(text);
        assertEquals(List.of("articles/a.md:3:1: error [properties/syntax] the properties block must end with '/>', not '>'"),
                diagnostics(result));
        assertEquals("\n# Title <br/>\n", body(text, result));
    }

    @Test
    void reportsAnAttributeWithoutEqualsSignAtItsName() {
        String text = "<properties\n\tpageTitle \"T\"\n/>\n# T\n";
        var result = parse(text);
        assertEquals(List.of("articles/a.md:2:2: error [properties/syntax] attribute 'pageTitle' has no value: expected '=\"…\"' after it"),
                diagnostics(result));
        assertEquals("\n# T\n", body(text, result));
    }

    @Test
    void reportsAnAttributeWithoutValueAtTheEndOfTheBlock() {
        assertEquals(List.of("articles/a.md:1:13: error [properties/syntax] attribute 'draft' has no value: expected '=\"…\"' after it"),
                diagnostics(parse("<properties draft />")));
    }

    @Test
    void reportsAValueWithoutQuotesAtTheValue() {
        assertEquals(List.of("articles/a.md:2:12: error [properties/syntax] the value of 'service' must be in double quotes, found 'm'"),
                diagnostics(parse("<properties\n\tservice = microsoft.compute\n/>")));
        assertEquals(List.of("articles/a.md:1:15: error [properties/syntax] the value of 'a' must be in double quotes, found the end of the file"),
                diagnostics(parse("<properties a=")));
    }

    @Test
    void reportsAnUnclosedQuoteWhereItOpens() {
        String text = "<properties\n\tpageTitle=\"T\"\n\townershipId=\"Team\n/>\n# T\n";
        var result = parse(text);
        assertEquals(List.of("articles/a.md:3:14: error [properties/syntax] unclosed quote: the value of 'ownershipId' opened here never closes"),
                diagnostics(result));
        assertEquals("\n# T\n", body(text, result));
    }

    @Test
    void pointsAtTheOpeningQuoteWhenAnUnclosedQuoteSwallowsTheNextAttribute() {
        var result = parse("<properties\n\tpageTitle=\"T\n\tarticleId=\"x\"\n/>");
        assertEquals(List.of("articles/a.md:3:13: error [properties/syntax] expected white space after the value of 'pageTitle', "
                + "found 'x'; its value opened at 2:12 spans lines: is a closing quote missing?"), diagnostics(result));
    }

    @Test
    void reportsAttributesNotSeparatedByWhiteSpace() {
        assertEquals(List.of("articles/a.md:1:18: error [properties/syntax] expected white space after the value of 'a', found 'b'"),
                diagnostics(parse("<properties a=\"1\"b=\"2\" />")));
        assertEquals(List.of("articles/a.md:1:18: error [properties/syntax] expected white space after the value of 'a', found ','"),
                diagnostics(parse("<properties a=\"1\", b=\"2\" />")));
    }

    @Test
    void reportsACharacterThatCannotBeInANameWhereItIs() {
        assertEquals(List.of("articles/a.md:2:4: error [properties/syntax] unexpected ':' after the attribute name 'ms': names are made of letters, digits, '.', '_' and '-'"),
                diagnostics(parse("<properties\n\tms:author=\"x\"\n/>")));
        assertEquals(List.of("articles/a.md:2:2: error [properties/syntax] unexpected '@' in the properties block: expected an attribute name or '/>'"),
                diagnostics(parse("<properties\n\t@author=\"x\"\n/>")));
        assertEquals(List.of("articles/a.md:1:13: error [properties/syntax] unexpected '\\u0007' in the properties block: expected an attribute name or '/>'"),
                diagnostics(parse("<properties \u0007 />")));
    }

    @Test
    void reportsAnUnterminatedCommentBeforeTheBlock() {
        var result = parse("\n<!-- draft\n<properties a=\"1\" />\n");
        assertEquals(List.of("articles/a.md:2:1: error [properties/syntax] unterminated HTML comment before the properties block: no '-->'"),
                diagnostics(result));
        assertTrue(result.properties().isEmpty());
    }

    // ---- what real repositories hold: read what can be read, report the rest where it is

    @Test
    void readsAValueInSingleQuotesWithAStyleWarning() {
        var result = parse("<properties\n\tpageTitle='It works'\n\tarticleId=\"a\"\n/>\n# T\n");
        assertEquals(List.of("articles/a.md:2:12: warning [properties/single-quotes] the value of 'pageTitle' is in single quotes; "
                + "write it in double quotes"), diagnostics(result));
        assertEquals(List.of("pageTitle@2:2=\"It works\"@2:13", "articleId@3:2=\"a\"@3:13"), attributes(result));
    }

    @Test
    void readsAnApostropheInsideASingleQuotedValueAsPartOfIt() {
        var result = parse("<properties pageTitle='Can't connect' a='x'/>");
        assertEquals(List.of("articles/a.md:1:23: warning [properties/single-quotes] the value of 'pageTitle' is in single quotes; "
                + "write it in double quotes", "articles/a.md:1:41: warning [properties/single-quotes] the value of 'a' is in "
                + "single quotes; write it in double quotes"), diagnostics(result));
        assertEquals(List.of("pageTitle@1:13=\"Can't connect\"@1:24", "a@1:39=\"x\"@1:42"), attributes(result));
    }

    @Test
    void reportsAZeroWidthSpaceAfterAClosingQuoteAndKeepsEveryAttribute() {
        var result = parse("<properties\n\tpageTitle=\"T\"\u200B\n\tarticleId=\"a\"\n/>\n# T\n");
        assertEquals(List.of("articles/a.md:2:15: error [properties/syntax] invisible character U+200B (zero width space) "
                + "in the properties block: delete it"), diagnostics(result));
        assertEquals(List.of("pageTitle@2:2=\"T\"@2:13", "articleId@3:2=\"a\"@3:13"), attributes(result));
    }

    @Test
    void reportsInvisibleCharactersAroundTheEqualsSignAndKeepsTheAttribute() {
        var result = parse("<properties \uFEFFa\u00A0=\u2060\"1\" />");
        assertEquals(List.of(
                "articles/a.md:1:13: error [properties/syntax] invisible character U+FEFF (zero width no-break space) in the properties block: delete it",
                "articles/a.md:1:15: error [properties/syntax] invisible character U+00A0 (no-break space) in the properties block: delete it",
                "articles/a.md:1:17: error [properties/syntax] invisible character U+2060 (word joiner) in the properties block: delete it"),
                diagnostics(result));
        assertEquals(List.of("a@1:14=\"1\"@1:19"), attributes(result));
    }

    @Test
    void keepsBothAttributesWhenWhiteSpaceBetweenThemIsMissing() {
        assertEquals(List.of("a@1:13=\"1\"@1:16", "b@1:18=\"2\"@1:21"), attributes(parse("<properties a=\"1\"b=\"2\" />")));
        assertEquals(List.of("a@1:13=\"1\"@1:16", "b@1:20=\"2\"@1:23"), attributes(parse("<properties a=\"1\", b=\"2\" />")));
    }

    @Test
    void skipsAnAttributeWhoseNameCannotBeReadAndKeepsTheOthers() {
        var result = parse("<properties a=\"1\" ms:author=\"x y\" b=\"2\" />");
        assertEquals(List.of("articles/a.md:1:21: error [properties/syntax] unexpected ':' after the attribute name 'ms': "
                + "names are made of letters, digits, '.', '_' and '-'"), diagnostics(result));
        assertEquals(List.of("a@1:13=\"1\"@1:16", "b@1:35=\"2\"@1:38"), attributes(result));
    }

    @Test
    void readsAnUnquotedValueUpToWhiteSpaceAndReportsIt() {
        var result = parse("<properties service=microsoft.compute b=\"2\"/>");
        assertEquals(List.of("articles/a.md:1:21: error [properties/syntax] the value of 'service' must be in double quotes, "
                + "found 'm'"), diagnostics(result));
        assertEquals(List.of("service@1:13=\"microsoft.compute\"@1:21", "b@1:39=\"2\"@1:42"), attributes(result));
    }

    @Test
    void keepsTheOtherAttributesOfABlockWithAnAttributeWithoutValue() {
        var result = parse("<properties\n\tdraft\n\ta=\"1\"\n/>\n# T\n");
        assertEquals(List.of("articles/a.md:2:2: error [properties/syntax] attribute 'draft' has no value: expected '=\"…\"' after it"),
                diagnostics(result));
        assertEquals(List.of("a@3:2=\"1\"@3:5"), attributes(result));
    }

    @Test
    void reportsARunOfStrayCharactersOnce() {
        var result = parse("<properties a=\"1\" ;;; b=\"2\" />");
        assertEquals(List.of("articles/a.md:1:19: error [properties/syntax] unexpected ';' in the properties block: expected an "
                + "attribute name or '/>'"), diagnostics(result));
        assertEquals(List.of("a@1:13=\"1\"@1:16", "b@1:23=\"2\"@1:26"), attributes(result));
    }
}
