package org.athar.api;

/** No report the viewer may read has this id: a 404 naming {@code id}. */
class ReportNotFoundException extends RuntimeException {

    ReportNotFoundException(String id) {
        super("no report with id " + id);
    }
}
