package org.athar.briefing;

/** No briefing has this id (never saved, or deleted); the API answers 404. */
public class BriefingNotFoundException extends RuntimeException {

    public BriefingNotFoundException(String id) {
        super("there is no briefing '" + id + "'; GET /api/v1/briefings lists them");
    }
}
