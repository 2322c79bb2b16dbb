package io.contentpipeline.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the addresses of {@link ProtectedInline#ADDRESS} in a text, the same ones, in the same
 * order, as {@code ADDRESS.matcher(text)} and {@code find()} do, without trying the pattern at
 * every position. A regular-expression search tries each of its three alternatives at each
 * character, and the mail one ({@code [\w.+-]+@…}) reads every word to its end before it fails:
 * about 1 ms an article on the test corpus, more than a Markdown parse of it.
 * <p>
 * An address can only start where this looks: at "http", "https" or "ftp" just before a
 * "://", at "www.", or at the start of the run of name characters that ends at an "@". The
 * pattern is tried at those positions only, in increasing order, from where the last match
 * ended; the first that matches is the one a search would have found, since at no position in
 * between could any alternative match. The mail alternative fails at every position of a run
 * when it fails at the run's first (what follows the "@" decides), so each "@" is tried once.
 */
final class AddressFinder {

    /** One name character of the mail alternative, with the pattern's own Unicode classes. */
    private static final Pattern NAME_CHARACTER = Pattern.compile("[\\w.+-]", Pattern.UNICODE_CHARACTER_CLASS);

    private final String text;
    private final Matcher address;
    private int from;
    /** Every "@" before this index is known to end no mail address from where the search stands. */
    private int mailFrom;
    /** The "@" whose name {@link #mailCandidate} last found. */
    private int mailAt = -2;
    /**
     * The next "://" and "www." at or after where the search stands, -1 when there is none, -2
     * before the first look. {@code from} only grows, so each is looked for again only once the
     * search has passed it: looked for anew at each candidate, the next "www." or "@" was sought
     * through the rest of the text once per address (a 4.6 MB body has about 4,000 candidates).
     */
    private int separatorAt = -2;
    private int wwwAt = -2;

    AddressFinder(String text) {
        this.text = text;
        this.address = ProtectedInline.ADDRESS.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /** Moves to the next address, as {@link Matcher#find()}; false when there is none. */
    boolean find() {
        while (from <= text.length()) {
            int scheme = schemeCandidate();
            int www = wwwCandidate();
            int mail = mailCandidate();
            int at = earliest(earliest(scheme, www), mail);
            if (at < 0) {
                from = text.length() + 1;
                return false;
            }
            address.region(at, text.length());
            if (address.lookingAt()) {
                from = address.end();
                return true;
            }
            if (at == mail) {
                mailFrom = mailAt + 1;
            }
            from = at + 1;
        }
        return false;
    }

    int start() {
        return address.start();
    }

    int end() {
        return address.end();
    }

    /** The first position from {@code from} where "https://", "http://" or "ftp://" could start. */
    private int schemeCandidate() {
        if (separatorAt != -1 && separatorAt < from + 3) {
            separatorAt = text.indexOf("://", from + 3);
        }
        return separatorAt < 0 ? -1 : Math.max(from, separatorAt - "https".length());
    }

    /** The first "www." from {@code from}. */
    private int wwwCandidate() {
        if (wwwAt != -1 && wwwAt < from) {
            wwwAt = text.indexOf("www.", from);
        }
        return wwwAt;
    }

    /** The first position from {@code from} where a mail address could start: the start of the name before the next "@". */
    private int mailCandidate() {
        if (mailAt != -1 && mailAt < Math.max(from, mailFrom)) {
            mailAt = text.indexOf('@', Math.max(from, mailFrom));
        }
        if (mailAt < 0) {
            return -1;
        }
        int start = mailAt;
        while (start > from) {
            int before = text.codePointBefore(start);
            if (!NAME_CHARACTER.matcher(Character.toString(before)).matches()) {
                break;
            }
            start -= Character.charCount(before);
        }
        return Math.max(start, from);
    }

    private static int earliest(int a, int b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }
}
