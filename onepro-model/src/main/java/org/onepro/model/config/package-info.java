/**
 * Model configurations: the architecture sizes of each named preset (the registry) and their JSON form.
 */
package org.onepro.model.config;
