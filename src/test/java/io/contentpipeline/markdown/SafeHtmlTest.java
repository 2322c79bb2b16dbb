package io.contentpipeline.markdown;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeHtmlTest {

    @Test
    void namesWhatWouldRunScriptEvenWithoutSpacesBetweenAttributes() {
        String html = "<p>Set on = true</p><svg/onload=alert(1)><a href=\"x\"onclick=\"go()\">a</a>"
                + "<img src = 'javascript:alert(2)'><SCRIPT>alert(3)</SCRIPT>";

        SafeHtml.Cleaned cleaned = SafeHtml.sanitise(html);

        assertThat(cleaned.removed()).containsExactly("onload=", "onclick=", "src=javascript:", "<script");
        assertThat(cleaned.html()).doesNotContain("onload", "onclick", "javascript", "script").contains("Set on = true");
    }

    @Test
    void harmlessMarkupNamesNothing() {
        assertThat(SafeHtml.sanitise("<p class=\"x\" data-id=\"1\">A <a href=\"/docs/\">link</a>, on time.</p>").removed()).isEmpty();
    }
}
