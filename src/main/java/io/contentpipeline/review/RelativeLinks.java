package io.contentpipeline.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Links into the same site. A translation may point a link to the localised page of the
 * same section (the Canadian Digital Service's French posts link to
 * {@code /2018/11/01/chers-collegues-…/} where the English ones link to
 * {@code /2018/11/01/dear-colleagues-…/}), but not elsewhere: the folder must stay, and a
 * link to an anchor or a file must stay exactly.
 */
final class RelativeLinks {

    /** Compiled once, not for every link compared. */
    private static final Pattern QUERY_OR_FRAGMENT = Pattern.compile("[?#].*$");

    private RelativeLinks() {
    }

    /** Source links with no identical or localised counterpart in the translation. */
    static List<String> missing(List<String> source, List<String> translation) {
        List<String> available = new ArrayList<>(translation);
        List<String> missing = new ArrayList<>();
        for (String link : source) {
            if (!available.remove(link)) {
                missing.add(link);
            }
        }
        List<String> unmatched = new ArrayList<>();
        for (String link : missing) {
            String folder = folder(link);
            String localised = folder == null ? null
                    : available.stream().filter(candidate -> folder.equals(folder(candidate))).findFirst().orElse(null);
            if (localised == null) {
                unmatched.add(link);
            } else {
                available.remove(localised);
            }
        }
        return unmatched;
    }

    /** "/2018/11/01/a-post/" → "/2018/11/01/"; null for a link with no folder to keep. */
    private static String folder(String link) {
        String path = QUERY_OR_FRAGMENT.matcher(link).replaceAll("");
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        return slash <= 0 ? null : trimmed.substring(0, slash + 1);
    }
}
