package org.kitepkana.catalog.sync.adapter.in.web;

import java.util.List;
import org.kitepkana.catalog.sync.application.SyncItemRequest;

/** A sync batch as a branch sends it. Items are checked one by one, not here. */
record SyncBatchRequest(List<SyncItemRequest> items) {}
