package org.athar.chart;

import java.util.List;
import java.util.OptionalLong;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The figures of a category chart by series and category, as given (a withheld figure is empty), and the dataset
 * JFreeChart draws from them. A withheld figure is {@code null} in the dataset: it gets no bar and no point, and the
 * value axis is fitted to the published figures alone (any stand-in length would state a value, see
 * {@link WithheldMarks}).
 */
final class FigureGrid {

    private final List<Category> series;
    private final List<Category> categories;
    private final List<List<OptionalLong>> figures;

    /** @param figures one list per series, one figure per category */
    FigureGrid(List<Category> series, List<Category> categories, List<List<OptionalLong>> figures) {
        this.series = List.copyOf(series);
        this.categories = List.copyOf(categories);
        this.figures = figures.stream().map(List::copyOf).toList();
    }

    OptionalLong figure(int series, int category) {
        return figures.get(series).get(category);
    }

    boolean suppressed(int series, int category) {
        return figure(series, category).isEmpty();
    }

    List<Category> series() {
        return series;
    }

    List<Category> categories() {
        return categories;
    }

    DefaultCategoryDataset dataset() {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                OptionalLong figure = figure(s, c);
                dataset.addValue(
                        figure.isPresent() ? Long.valueOf(figure.getAsLong()) : null, series.get(s), categories.get(c));
            }
        }
        return dataset;
    }
}
