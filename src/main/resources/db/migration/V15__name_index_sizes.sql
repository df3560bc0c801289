-- Issue 12: the postings of the name index keep the size of their name (code points of its key and
-- distinct bigrams), first after the bigram, so that a lookup reads only the postings of names long
-- enough and short enough to be similar (form.SimilarNameProbe) from the index alone: the rarest
-- bigrams still had thousands of postings on 100,000 proposals. Every proposal is indexed again by
-- the next lookup (register.ProposalNameIndex.catchUp).

DROP TABLE proposal_name_bigrams;
CREATE TABLE proposal_name_bigrams (
    bigram       TEXT    NOT NULL,
    name_length  INTEGER NOT NULL,         -- code points of the name's key
    bigram_count INTEGER NOT NULL,         -- distinct bigrams of the name's key
    proposal_ref INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    PRIMARY KEY (bigram, name_length, bigram_count, proposal_ref)
) WITHOUT ROWID;
CREATE INDEX proposal_name_bigrams_proposal ON proposal_name_bigrams (proposal_ref);

DELETE FROM name_bigram_counts;
DELETE FROM proposal_name_keys;
INSERT OR IGNORE INTO proposal_name_pending (proposal_ref) SELECT id FROM proposals;
