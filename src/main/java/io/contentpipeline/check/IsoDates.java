package io.contentpipeline.check;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * The date forms Hugo accepts in front matter: a date, or a date-time with {@code T} or a
 * space, optional fractions, and an optional offset ({@code Z}, {@code -04:00}, {@code -0400},
 * with or without a space before it). A value without offset is read as UTC for ordering.
 */
public final class IsoDates {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter()
            // STRICT: 2024-02-30 is no date (the default, SMART, would quietly read 2024-02-29).
            .withResolverStyle(ResolverStyle.STRICT);

    private IsoDates() {
    }

    /** Whether a value that parses is a plain date, without a time of day. */
    public static boolean isDateOnly(String value) {
        return value != null && value.strip().length() == 10;
    }

    public static Optional<OffsetDateTime> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.length() < 10 || text.endsWith(" ")) {
            return Optional.empty();
        }
        try {
            TemporalAccessor parsed = FORMAT.parse(text);
            LocalDate date = LocalDate.from(parsed);
            LocalDateTime dateTime = parsed.isSupported(ChronoField.HOUR_OF_DAY)
                    ? LocalDateTime.of(date, java.time.LocalTime.from(parsed))
                    : date.atStartOfDay();
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
                    : ZoneOffset.UTC;
            return Optional.of(dateTime.atOffset(offset));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
