package org.athar.chart;

/**
 * One bar or one series of a category chart: its stable key (p-code, code, {@code 2013-03}), its full label and the
 * text its axis shows (shortened or blank where labels would collide). JFreeChart prints a key's {@code toString}.
 */
record Category(String key, String label, String axisLabel) implements Comparable<Category> {

    Category(String key, String label) {
        this(key, label, label);
    }

    @Override
    public int compareTo(Category other) {
        return key.compareTo(other.key);
    }

    @Override
    public String toString() {
        return axisLabel;
    }
}
