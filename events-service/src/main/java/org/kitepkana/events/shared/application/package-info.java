/** What every feature's application layer shares: access rules by actor, ids, field problems. */
package org.kitepkana.events.shared.application;
