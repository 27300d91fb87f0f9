package org.onepro.data.dataset;

import java.util.List;

/**
 * One segmentation task: a named set of samples, loaded lazily by id. Implementations: image folders
 * ({@code images/} + {@code masks/}), volume folders ({@code imagesTr/} + {@code labelsTr/}, read as
 * slices), and generated synthetic tasks. Loading the same id twice gives equal samples.
 */
public interface TaskDataset {

    /** The task's name (its folder name). */
    String name();

    /** Every sample id, in a stable order (sorted by file name for folders). */
    List<String> ids();

    /** Loads one sample; an unreadable file raises an InvalidInputException naming it. */
    LabeledImage load(String id);
}
