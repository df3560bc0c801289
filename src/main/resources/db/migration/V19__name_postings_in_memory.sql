-- Issue 12: the bigram postings of the occupation names are kept in memory by each process
-- (register.NamePostings), loaded once from proposal_name_keys, where SQLite could count only the
-- postings of a name's rarest bigrams. The postings and their counts in the register were no longer
-- read, only written for every new name. The keys, the cores and the queue stay.

DROP TABLE proposal_name_bigrams;
DROP TABLE name_bigram_counts;
