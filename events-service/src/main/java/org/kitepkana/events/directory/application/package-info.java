/** The directory port: read models of other services' aggregates, kept from their topics. */
package org.kitepkana.events.directory.application;
