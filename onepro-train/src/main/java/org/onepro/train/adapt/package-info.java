/**
 * Per-task adaptation at inference: a copy of a trained model fine-tuned on episodes made of one prompted template
 * alone, which then segments that task's queries ({@link org.onepro.train.adapt.TemplateAdapter}).
 */
package org.onepro.train.adapt;
