package app.storyline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
    @Test
    void tagsGoBlocksSeparateInlineJoins() {
        assertEquals("Hello world. Next para", HtmlText.plain("<p>Hello <b>wor</b>ld.</p><p>Next\n\tpara</p>"));
        assertEquals("one two", HtmlText.plain("one<br/>two"));
    }

    @Test
    void scriptsStylesAndCommentsDropWithTheirContent() {
        assertEquals("a b c", HtmlText.plain("a<script>if (x < 1) alert('</p>')</script> b<style>p{}</style><!-- hidden --> c"));
        assertEquals("x", HtmlText.plain("x<SCRIPT type=\"text/javascript\">evil()</SCRIPT >"));
    }

    @Test
    void entitiesDecodeAndStrayMarkupSurvives() {
        assertEquals("café – AT&T © 3 < 4 &bogus;", HtmlText.plain("caf&eacute; &ndash; AT&amp;T &#169; 3 < 4 &bogus;"));
        assertEquals("attr > inside quotes kept out", HtmlText.plain("<a title=\"x > y\">attr</a> &gt; inside quotes kept out"));
    }

    @Test
    void plainTextPassesThrough() {
        assertEquals("just words", HtmlText.plain("  just   words "));
        assertEquals("", HtmlText.plain(null));
    }
}
