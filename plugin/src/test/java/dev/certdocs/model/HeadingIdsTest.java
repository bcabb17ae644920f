package dev.certdocs.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Heading ids as GitHub makes them, so links written against GitHub previews keep working. */
class HeadingIdsTest {

    private static List<String> ids(String... headings) {
        HeadingIds ids = new HeadingIds();
        return Stream.of(headings).map(ids::next).toList();
    }

    @Test
    void lowerCasesAndTurnsSpacesIntoHyphens() {
        assertEquals("connect-to-a-vm-with-bastion", HeadingIds.slug("Connect to a VM with Bastion"));
    }

    @Test
    void turnsEverySpaceIntoAHyphenWithoutFoldingThem() {
        assertEquals("a--b", HeadingIds.slug("a  b"));
        assertEquals("c--net", HeadingIds.slug("C# & .NET"));
    }

    @Test
    void dropsPunctuationAndSymbolsButKeepsHyphensAndUnderscores() {
        assertEquals("whats-new-in-20", HeadingIds.slug("What's new in 2.0?"));
        assertEquals("step-1-install-the-agent", HeadingIds.slug("Step 1: Install the (agent)"));
        assertEquals("use-az-vm-start--n-my_vm", HeadingIds.slug("Use `az vm start -n my_vm`"));
        assertEquals("re-run-the-check", HeadingIds.slug("Re-run the check!"));
        assertEquals("100-cpu", HeadingIds.slug("100% CPU"));
        assertEquals("quotes-and-brackets", HeadingIds.slug("\"Quotes\" and [brackets]"));
    }

    @Test
    void stripsSurroundingWhiteSpace() {
        assertEquals("title", HeadingIds.slug("  Title \t"));
    }

    @Test
    void keepsLettersDigitsAndMarksOfEveryScript() {
        assertEquals("über-ärger-straße", HeadingIds.slug("Über Ärger Straße"));
        assertEquals("αβγ-δοκιμή", HeadingIds.slug("ΑΒΓ δοκιμή"));
        assertEquals("日本語のタイトル", HeadingIds.slug("日本語のタイトル"));
        assertEquals("cafe\u0301", HeadingIds.slug("Cafe\u0301"), "a combining accent is kept");
        assertEquals("версия-٣", HeadingIds.slug("Версия ٣"));
    }

    @Test
    void dropsEmojiButKeepsTheSpaceAfterThem() {
        assertEquals("-launch", HeadingIds.slug("🚀 Launch"));
    }

    @Test
    void numbersRepeatedIdsFromOne() {
        assertEquals(List.of("overview", "overview-1", "overview-2"), ids("Overview", "Overview", "overview"));
    }

    @Test
    void skipsSuffixesThatAnEarlierHeadingAlreadyHas() {
        assertEquals(List.of("a", "a-1", "a-1-1", "a-2"), ids("A", "A", "A-1", "A"));
        assertEquals(List.of("a-1", "a", "a-2"), ids("A-1", "A", "A"));
    }

    @Test
    void numbersDuplicatesAfterPunctuationIsDropped() {
        assertEquals(List.of("faq", "faq-1", "faq-2"), ids("FAQ", "FAQ?", "F.A.Q."));
    }

    @Test
    void givesEmptyHeadingsIdsToo() {
        assertEquals(List.of("", "-1", "-2"), ids("", "?", "!!"));
    }

    @Test
    void eachInstanceCountsItsOwnDocument() {
        HeadingIds first = new HeadingIds();
        first.next("Summary");
        assertEquals("summary", new HeadingIds().next("Summary"));
        assertEquals("summary-1", first.next("Summary"));
    }
}
