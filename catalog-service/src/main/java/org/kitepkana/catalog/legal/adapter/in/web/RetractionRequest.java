package org.kitepkana.catalog.legal.adapter.in.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A coordinator retracts the latest status change, recorded by mistake, and says why. */
record RetractionRequest(@NotNull Long version, @NotBlank @Size(max = 1000) String reason) {}
