package org.athar.security;

/** The viewer of the current request or UI session; controllers and views pass it to feature services. */
public interface CurrentViewer {

    Viewer get();
}
