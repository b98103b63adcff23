package org.athar.search;

/** A filter dimension with countable values: its URL/API parameter and the indexed field behind it. */
public enum Facet {
    GOVERNORATE("governorate", "place.governorate"),
    DISTRICT("district", "place.district"),
    PERPETRATOR("perpetrator", "perpetrator.category"),
    STATUS("status", "status"),
    GENDER("gender", "victim.gender"),
    AGE_GROUP("age_group", "victim.age_group"),
    SOURCE("source", "source");

    private final String parameter;
    private final String field;

    Facet(String parameter, String field) {
        this.parameter = parameter;
        this.field = field;
    }

    public String parameter() {
        return parameter;
    }

    /** The indexed keyword field the facet counts and filters on. */
    public String field() {
        return field;
    }
}
