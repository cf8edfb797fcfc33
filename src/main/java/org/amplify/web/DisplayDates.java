package org.amplify.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Dates as pages show them, in UTC: {@code ${@dates.format(instant)}} in a template. */
@Component("dates")
public class DisplayDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String format(Instant instant) {
        return instant == null ? "never" : FORMAT.format(instant);
    }
}
