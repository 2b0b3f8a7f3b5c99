/**
 * The CloudEvents envelope every Kitepkana event travels in: binary mode over Kafka, JSON body,
 * Kafka key = aggregate id.
 */
package org.kitepkana.platform.events;
