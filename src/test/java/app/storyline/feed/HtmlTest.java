package app.storyline.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void scriptsHandlersAndUnsafeLinksAreRemoved() {
        String dirty = "<p onclick=\"steal()\">Hi <a href=\"javascript:alert(1)\">x</a><script>alert(1)</script>"
                + "<iframe src=\"http://evil.example\"></iframe><img src=\"/pic.png\" onerror=\"x()\"></p>";
        assertEquals("<p>Hi <a>x</a><img src=\"https://site.example/pic.png\"></p>", Html.sanitize(dirty, "https://site.example/post"));
    }

    @Test
    void stylesKeepOnlyPlainPresentation() {
        assertEquals("color: red;", Html.safeStyle("color: red; background-image: url(http://x/y.png); behavior: url(x.htc)"));
        assertEquals("", Html.safeStyle("width: expression(alert(1))"));
        assertEquals("", Html.safeStyle("padding: 99999em"));
        assertEquals("font-family: \"Comic Sans MS\", serif; margin: 0 auto;", Html.safeStyle("font-family: \"Comic Sans MS\", serif; margin: 0 auto"));
    }

    @Test
    void selfClosedRawTextElementsDoNotSwallowTheRestOfTheArticle() {
        assertEquals("safe description", Html.sanitize("safe<iframe src=\"http://example.com/\"/> description", null));
        assertEquals("before after", Html.sanitize("before <script/>after", null));
    }
}
