/**
 * Union-catalogue search: a Lucene index per service instance, fed from {@code catalog.records.v1}.
 * The index stores the Kafka offsets it has applied in its own commits, so a restart resumes where
 * it stopped and a rebuild replays the topic from the start. Each title, author and subject is
 * indexed twice: Russian-stemmed, and folded to one Latin key per word (Kyrgyz and Russian letters
 * and common transliterations meet), so "aitmatov jamila" finds "Айтматов Жамиля".
 */
package org.kitepkana.catalog.search;
