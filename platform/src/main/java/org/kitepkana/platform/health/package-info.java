/** Truthful health: readiness includes Kafka and MongoDB, and works on the embedded store. */
package org.kitepkana.platform.health;
