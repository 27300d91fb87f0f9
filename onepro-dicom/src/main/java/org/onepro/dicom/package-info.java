/**
 * DICOM input. {@link org.onepro.dicom.DicomSeries#read} turns a single file or a folder holding one series into
 * a {@link org.onepro.core.volume.Volume}: slices sorted by their position along the slice normal (never by file
 * name), values with the rescale slope and intercept applied, and the voxel-to-world affine built from the image
 * position, orientation and pixel spacing and converted from DICOM's LPS to the RAS convention of NIfTI, so a mask
 * written with {@link org.onepro.core.volume.NiftiIO} overlays the series in any viewer.
 * {@link org.onepro.dicom.VolumeFiles} is the one entry point that reads either format.
 *
 * <p>Pixels are decoded by ImageJ 1.x ({@code net.imagej:ij}): public domain, on Maven Central, maintained with
 * several releases a year, and free of further dependencies. dcm4che, the fuller toolkit, is not on Maven Central;
 * the header reading, series checks and geometry are this package's own. Only the uncompressed transfer syntaxes
 * are accepted; a compressed one is refused by name before any pixel is read.
 */
package org.onepro.dicom;
