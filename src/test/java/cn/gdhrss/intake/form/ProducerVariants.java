package cn.gdhrss.intake.form;

import java.util.List;

/**
 * The committed variants of the filled proposal (forms/variants/, see its README): the ways
 * applicants' offices make the form (issue 13), each with the proposal it must read back as and
 * the codes of the findings reading itself must add (a split row of tasks is warned about).
 */
final class ProducerVariants {

    /** One fixture file, what it must read as, and the codes of the reading's own findings. */
    record Variant(String file, Proposal expected, List<String> readingFindings) {
        String path() {
            return "variants/" + file;
        }
    }

    private ProducerVariants() {}

    static List<Variant> all() {
        Proposal filled = ProposalFixtures.expected();
        return List.of(
                new Variant("proposal_rtf-libreoffice.doc", filled, List.of()),
                new Variant("proposal_word2003xml-libreoffice.doc", filled, List.of()),
                new Variant("proposal_htm-utf8-libreoffice.doc", filled, List.of()),
                new Variant("proposal_mht-gb2312-qp-handedited.doc", filled, List.of()),
                new Variant("proposal_strict-ooxml-handedited.docx", filled, List.of()),
                new Variant("proposal_retyped-plain-tables-pandoc.docx", filled, List.of()),
                new Variant("proposal_retyped-plain-tables-pythondocx.docx", filled, List.of()),
                new Variant("proposal_content-controls-handedited.docx", withPlaceholdersEmpty(filled), List.of()),
                new Variant("proposal_tracked-changes-handedited.docx", filled, List.of()),
                new Variant("proposal_tick-after-option-pythondocx.docx", filled, List.of()),
                new Variant("proposal_tick-shi-pythondocx.docx", filled, List.of()),
                new Variant("proposal_tick-wingdings-sym-pythondocx.docx", with(filled, Category.NEW_JOB_TYPE), List.of()),
                new Variant("proposal_tick-wingdings2-letter-pythondocx.docx", with(filled, Category.CHANGE), List.of()),
                new Variant("proposal_tick-only-one-pythondocx.docx", with(filled, Category.NEW_JOB_TYPE), List.of()),
                new Variant("proposal_tick-ballot-no-brackets-pythondocx.docx", with(filled, Category.NEW_JOB_TYPE),
                        List.of()),
                new Variant("proposal_tasks-numbered-one-cell-pythondocx.docx", filled, List.of("TASKS_SPLIT")),
                new Variant("proposal_tasks-paragraphs-one-row-pythondocx.docx", filled, List.of("TASKS_SPLIT")),
                new Variant("proposal_nested-tables-handedited.docx", filled, List.of()),
                new Variant("proposal_cover-textbox-handedited.docx", filled, List.of()),
                new Variant("proposal_cover-header-pythondocx.docx", filled, List.of()),
                new Variant("proposal_chinese-date-fullwidth-contact-pythondocx.docx", withTypedContact(filled), List.of()),
                new Variant("proposal_formcheckbox-hyperlink-handedited.docx", filled, List.of()),
                // The same quirks in the Word 97-2003 binary, where each lives in another structure.
                new Variant("proposal_doc97-tick-wingdings-sym-libreoffice.doc", with(filled, Category.NEW_JOB_TYPE), List.of()),
                new Variant("proposal_doc97-tick-wingdings2-letter-libreoffice.doc", with(filled, Category.CHANGE), List.of()),
                new Variant("proposal_doc97-nested-tables-libreoffice.doc", filled, List.of()),
                new Variant("proposal_doc97-cover-textbox-libreoffice.doc", filled, List.of()),
                new Variant("proposal_doc97-cover-header-libreoffice.doc", filled, List.of()),
                new Variant("proposal_doc97-tracked-changes-libreoffice.doc", filled, List.of()),
                new Variant("proposal_doc97-content-controls-libreoffice.doc", withPlaceholdersEmpty(filled), List.of()),
                new Variant("proposal_doc97-formcheckbox-hyperlink-libreoffice.doc", filled, List.of()),
                // And in RTF, Word 2003 XML and a web page, each under a .doc name.
                new Variant("proposal_rtf-cover-header-libreoffice.doc", filled, List.of()),
                new Variant("proposal_rtf-cover-textbox-libreoffice.doc", filled, List.of()),
                new Variant("proposal_rtf-tracked-changes-libreoffice.doc", filled, List.of()),
                new Variant("proposal_rtf-tick-wingdings2-letter-libreoffice.doc", with(filled, Category.CHANGE), List.of()),
                new Variant("proposal_rtf-formcheckbox-handedited.doc", filled, List.of()),
                new Variant("proposal_word2003xml-tick-wingdings-sym-libreoffice.doc", with(filled, Category.NEW_JOB_TYPE),
                        List.of()),
                new Variant("proposal_word2003xml-tick-wingdings2-letter-libreoffice.doc", with(filled, Category.CHANGE),
                        List.of()),
                new Variant("proposal_htm-formcheckbox-hyperlink-libreoffice.doc", filled, List.of()),
                new Variant("proposal_htm-tracked-changes-handedited.doc", filled, List.of()));
    }

    private static Proposal with(Proposal base, Category category) {
        return new Proposal(base.applicant(), base.filledDate(), base.filledDateText(), category, base.occupation(),
                base.tasks(), base.requirements(), base.workforce(), base.analysis(), base.training(), base.laws(),
                base.abroad(), base.contact(), base.other(), List.of());
    }

    /** 发展前景 and 联系人 are content controls still showing Word's placeholder: empty boxes. */
    private static Proposal withPlaceholdersEmpty(Proposal base) {
        Proposal.Analysis analysis = base.analysis();
        Proposal.Contact contact = base.contact();
        return new Proposal(base.applicant(), base.filledDate(), base.filledDateText(), base.category(),
                base.occupation(), base.tasks(), base.requirements(), base.workforce(),
                new Proposal.Analysis(analysis.background(), analysis.role(), analysis.technology(), ""), base.training(),
                base.laws(), base.abroad(), new Proposal.Contact(contact.address(), "", contact.phone(), contact.email()),
                base.other(), List.of());
    }

    /** "０２０－８３３０５８２１" and "zhangsan＠example．com" read half-width. */
    private static Proposal withTypedContact(Proposal base) {
        Proposal.Contact contact = base.contact();
        return new Proposal(base.applicant(), base.filledDate(), base.filledDateText(), base.category(),
                base.occupation(), base.tasks(), base.requirements(), base.workforce(), base.analysis(), base.training(),
                base.laws(), base.abroad(), new Proposal.Contact(contact.address(), contact.person(), "020-83305821",
                        "zhangsan@example.com"), base.other(), List.of());
    }
}
