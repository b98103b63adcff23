package org.athar.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.Optional;

/** The alleged perpetrator: the category counted in every breakdown and the source's own words (unit, branch). */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"category", "detail", "detail_folded"})
@JsonIgnoreProperties(value = "detail_folded", allowGetters = true)
public record Perpetrator(PerpetratorCategory category, Optional<String> detail) {

    public Perpetrator {
        Objects.requireNonNull(category, "category");
        detail = Objects.requireNonNullElse(detail, Optional.empty());
    }

    @JsonProperty("detail_folded")
    public Optional<String> detailFolded() {
        return detail.map(TextFolding::fold);
    }
}
