package org.onepro.classic.classifier;

import java.util.Arrays;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** A growing row-major table of feature rows with labels and weights, handed to XGBoost as one matrix. */
final class FloatRows {

    private final int columns;
    private float[] values = new float[0];
    private float[] labels = new float[0];
    private float[] weights = new float[0];
    private int rows;

    FloatRows(int columns) {
        this.columns = columns;
    }

    /** Adds pixel {@code pixel} of the feature planes as a row. */
    void add(float[][] planes, int pixel, float label, float weight) {
        if (rows == labels.length) {
            int capacity = Math.max(1024, rows * 2);
            values = Arrays.copyOf(values, capacity * columns);
            labels = Arrays.copyOf(labels, capacity);
            weights = Arrays.copyOf(weights, capacity);
        }
        for (int f = 0; f < columns; f++) {
            values[rows * columns + f] = planes[f][pixel];
        }
        labels[rows] = label;
        weights[rows] = weight;
        rows++;
    }

    /** The rows as an XGBoost matrix with labels and weights; the caller disposes of it. */
    DMatrix toMatrix() throws XGBoostError {
        DMatrix m = new DMatrix(Arrays.copyOf(values, rows * columns), rows, columns, Float.NaN);
        try {
            m.setLabel(Arrays.copyOf(labels, rows));
            m.setWeight(Arrays.copyOf(weights, rows));
            return m;
        } catch (XGBoostError | RuntimeException e) {
            m.dispose();
            throw e;
        }
    }
}
