package org.storelink.branding.internal;

import java.util.ArrayList;
import java.util.List;

/** Fits untrusted text (product and store names) into a width: cleans it, shrinks it, wraps it, cuts it. */
public final class TextFit {
    private static final String ELLIPSIS = "…";

    /** Width in mm of text at a font size in mm. */
    @FunctionalInterface
    public interface Measure {
        double width(String text, double size, boolean bold);
    }

    private TextFit() {
    }

    /** Control characters (a tab, a newline, a NUL from a till) become spaces; runs of spaces one. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder cleaned = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean blank = Character.isWhitespace(c) || Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF'
                    || Character.isSurrogate(c) && !validSurrogate(text, i);
            if (blank) {
                space = cleaned.length() > 0;
                continue;
            }
            if (space) {
                cleaned.append(' ');
                space = false;
            }
            cleaned.append(c);
        }
        return cleaned.toString();
    }

    private static boolean validSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /** The largest size from {@code size} down to {@code min} at which the text fits, else {@code min}. */
    public static double size(String text, double maxWidth, double size, double min, boolean bold, Measure measure) {
        double width = measure.width(text, size, bold);
        if (width <= maxWidth) {
            return size;
        }
        // a hair under the exact ratio, so rounding cannot leave it a hair too wide
        return Math.max(min, size * maxWidth / width * 0.999);
    }

    /** The text, cut with an ellipsis where it is wider than {@code maxWidth}. */
    public static String cut(String text, double maxWidth, double size, boolean bold, Measure measure) {
        if (measure.width(text, size, bold) <= maxWidth) {
            return text;
        }
        int end = text.length();
        while (end > 0) {
            end = Character.isLowSurrogate(text.charAt(end - 1)) && end > 1 ? end - 2 : end - 1;
            String candidate = text.substring(0, end).stripTrailing() + ELLIPSIS;
            if (measure.width(candidate, size, bold) <= maxWidth) {
                return candidate;
            }
        }
        return ELLIPSIS;
    }

    /** Up to {@code maxLines} lines broken at spaces (or anywhere, for text without spaces); the last one cut. */
    public static List<String> wrap(String text, double maxWidth, double size, int maxLines, boolean bold,
                                    Measure measure) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (!rest.isEmpty() && lines.size() < maxLines - 1) {
            if (measure.width(rest, size, bold) <= maxWidth) {
                break;
            }
            int fits = longestFit(rest, maxWidth, size, bold, measure);
            int breakAt = rest.lastIndexOf(' ', fits);
            if (breakAt <= 0 || fits < rest.length() && rest.charAt(fits) == ' ') {
                breakAt = fits < rest.length() && rest.charAt(fits) == ' ' ? fits : breakAt;
            }
            if (breakAt <= 0) {
                breakAt = Math.max(1, fits);
            }
            lines.add(rest.substring(0, breakAt).stripTrailing());
            rest = rest.substring(breakAt).stripLeading();
        }
        if (!rest.isEmpty()) {
            lines.add(cut(rest, maxWidth, size, bold, measure));
        }
        return lines;
    }

    private static int longestFit(String text, double maxWidth, double size, boolean bold, Measure measure) {
        int low = 0;
        int high = text.length();
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (measure.width(text.substring(0, mid), size, bold) <= maxWidth) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if (low > 0 && low < text.length() && Character.isHighSurrogate(text.charAt(low - 1))) {
            low--;
        }
        return low;
    }
}
