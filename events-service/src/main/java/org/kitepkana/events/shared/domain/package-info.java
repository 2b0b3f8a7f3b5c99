/**
 * Value objects every feature of events-service shares: typed ids of branches, partners, projects
 * and campaigns, texts in Kyrgyz, Russian and English, and the network's time zone.
 */
package org.kitepkana.events.shared.domain;
