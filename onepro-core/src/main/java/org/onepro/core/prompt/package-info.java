/**
 * The four prompt kinds of one-prompt segmentation (click, bounding box, doodle, SegLab mask), their validation
 * against an image size, and rasterisation of prompts into pixel maps.
 */
package org.onepro.core.prompt;
