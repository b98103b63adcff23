package org.athar.export.chart;

import java.util.List;
import java.util.OptionalLong;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The figures of a category chart by series and category, as given (a suppressed figure is empty), and the dataset
 * JFreeChart draws from them: a suppressed figure is drawn up to {@code k}, hatched, so it is visible but not
 * read as a count.
 */
final class FigureGrid {

    private final List<Category> series;
    private final List<Category> categories;
    private final List<List<OptionalLong>> figures;
    private final int k;

    /** @param figures one list per series, one figure per category */
    FigureGrid(List<Category> series, List<Category> categories, List<List<OptionalLong>> figures, int k) {
        this.series = List.copyOf(series);
        this.categories = List.copyOf(categories);
        this.figures = figures.stream().map(List::copyOf).toList();
        this.k = k;
    }

    OptionalLong figure(int series, int category) {
        return figures.get(series).get(category);
    }

    boolean suppressed(int series, int category) {
        return figure(series, category).isEmpty();
    }

    boolean anySuppressed() {
        return figures.stream().flatMap(List::stream).anyMatch(OptionalLong::isEmpty);
    }

    List<Category> series() {
        return series;
    }

    List<Category> categories() {
        return categories;
    }

    int k() {
        return k;
    }

    DefaultCategoryDataset dataset() {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                dataset.addValue(figure(s, c).orElse(k), series.get(s), categories.get(c));
            }
        }
        return dataset;
    }
}
