/** Network campaigns planned by the regional library, and the branches' answers. */
package org.kitepkana.events.campaign.domain;
