/**
 * Segmentation tasks and how to open them: 2-D image folders, data roots holding many tasks, reproducible
 * template/train/val/test splits, and the demo tasks shipped with the repository.
 */
package org.onepro.data.dataset;
