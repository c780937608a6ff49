package app.storyline.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class XmlRepairTest {
    @Test
    void htmlEntitiesBecomeNumericReferences() {
        assertEquals("<a>&#8217;&#160;&amp;&lt;</a>", XmlRepair.repair("<a>&rsquo;&nbsp;&amp;&lt;</a>"));
    }

    @Test
    void strayAmpersandsAreEscaped() {
        assertEquals("<a>AT&amp;T &amp; co &amp;foo;</a>", XmlRepair.repair("<a>AT&T & co &foo;</a>"));
    }

    @Test
    void cdataCommentsAndInstructionsAreLeftAlone() {
        String s = "<?xml version=\"1.0\"?><a><![CDATA[&nbsp; & <b>]]><!-- & --></a>";
        assertEquals(s, XmlRepair.repair(s));
    }

    @Test
    void doctypeWithInternalSubsetIsRemoved() {
        String s = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [ <!ENTITY a \"]>\"> <!-- ] > --> ]>\n<r>&a;</r>";
        assertEquals("<?xml version=\"1.0\"?>\n\n<r>&amp;a;</r>", XmlRepair.repair(s));
    }

    @Test
    void forbiddenCharactersAndReferencesAreDropped() {
        assertEquals("<a>ab&#65533;&#8364;</a>", XmlRepair.repair("<a>a\u0001b&#0;&#128;</a>"));
    }

    @Test
    void junkBeforeTheFirstTagIsSkipped() {
        assertEquals("<rss/>", XmlRepair.repair("\uFEFF \n <rss/>"));
    }
}
