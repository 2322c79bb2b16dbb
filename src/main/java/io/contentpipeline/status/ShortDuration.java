package io.contentpipeline.status;

import java.time.Duration;

/** A duration as an operator reads it in the status line: "0m31s", "2h5m", "3d4h". */
public final class ShortDuration {

    private ShortDuration() {
    }

    public static String of(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes >= 60 * 24 ? duration.toDays() + "d" + duration.toHoursPart() + "h"
                : minutes >= 60 ? duration.toHours() + "h" + duration.toMinutesPart() + "m"
                : minutes + "m" + duration.toSecondsPart() + "s";
    }
}
