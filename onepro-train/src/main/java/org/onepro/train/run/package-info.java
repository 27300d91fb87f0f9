/**
 * The training stages (mask autoencoder pre-training, then the whole model on episodes) and the loop that runs them.
 */
package org.onepro.train.run;
