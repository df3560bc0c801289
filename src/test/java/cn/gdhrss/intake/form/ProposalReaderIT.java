package cn.gdhrss.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProposalReaderIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"template-proposal.docx", "template-proposal_libreoffice.doc"})
    void blankTemplateReadsAsProposalWithEveryFieldEmpty(String name) {
        ReadResult result = Fixtures.read(name);

        assertThat(result.documentClass()).isEqualTo(DocumentClass.PROPOSAL);
        assertThat(result.proposal()).isEqualTo(EmptyProposal.value());
        assertThat(result.allFindings()).isEmpty();
    }

    @Test
    void poiFilledDocxRoundTripsEveryField() throws IOException {
        ReadResult result = Fixtures.read(ProposalFixtures.filled(ProposalFixtures.expected()), dir, "filled.docx");

        assertThat(result.proposal()).isEqualTo(ProposalFixtures.expected());
    }

    @ParameterizedTest
    @ValueSource(strings = {"testDOC_filled_libreoffice.doc", "testDOCX_filled_libreoffice.docx",
        "testDOC_messyLabels_libreoffice.doc"})
    void libreOfficeConvertedFormRoundTripsEveryField(String name) {
        assertThat(Fixtures.read(name).proposal()).isEqualTo(ProposalFixtures.expected());
    }

    @Test
    void moreTaskAndEmployerRowsThanTheTemplateAreAllRead() throws IOException {
        ReadResult result = Fixtures.read(ProposalFixtures.filled(ProposalVariants.manyRows()), dir, "many.docx");

        assertThat(result.proposal()).isEqualTo(ProposalVariants.manyRows());
    }

    @Test
    void deletedTemplateRowsDoNotDisturbTheFollowingLabels() throws IOException {
        ReadResult result = Fixtures.read(ProposalVariants.fewRowsDocument(), dir, "few.docx");

        assertThat(result.proposal()).isEqualTo(ProposalVariants.fewRows());
    }

    @Test
    void labelsWithSpacesLineBreaksHalfWidthBracketsAndFootnoteMarkersAreMatched() throws IOException {
        ReadResult result = Fixtures.read(ProposalVariants.messyLabels(), dir, "messy.docx");

        assertThat(result.proposal()).isEqualTo(ProposalFixtures.expected());
    }

    @Test
    void textWrittenBesideTheTablesIsReadIntoItsSection() throws IOException {
        ReadResult result = Fixtures.read(ProposalVariants.textBesideTables(), dir, "beside.docx");

        assertThat(result.proposal()).isEqualTo(ProposalFixtures.expected());
    }

    @ParameterizedTest
    @ValueSource(strings = {"√", "✓", "✔", "☑", "■", "●", "x", "X"})
    void everyTickShapeInTheDocumentChoosesTheCategory(String mark) throws IOException {
        String line = ProposalFixtures.ticks(Category.CHANGE, mark);
        ReadResult result = Fixtures.read(ProposalVariants.withCategoryLine(line), dir, "tick.docx");

        assertThat(result.proposal().category()).isEqualTo(Category.CHANGE);
        assertThat(result.proposal().findings()).isEmpty();
    }

    @Test
    void twoTickedCategoriesGiveAFindingAndNoCategory() throws IOException {
        ReadResult result = Fixtures.read(
                ProposalVariants.withCategoryLine("(√)新职业    (√)新工种    ( )调整变更职业(工种)信息②"), dir, "two.docx");

        assertThat(result.proposal().category()).isNull();
        assertThat(result.proposal().findings()).extracting(Finding::code, Finding::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CATEGORY_MULTIPLE_TICKED", "category"));
    }

    @Test
    void unreadableFilledDateKeepsTheTextAndWarns() throws IOException {
        var document = ProposalFixtures.filled(ProposalFixtures.expected());
        ProposalFixtures.setParagraph(document.getParagraphs().get(3), "填写时间：七月初");
        Proposal proposal = Fixtures.read(document, dir, "date.docx").proposal();

        assertThat(proposal.filledDate()).isNull();
        assertThat(proposal.filledDateText()).isEqualTo("七月初");
        assertThat(proposal.findings()).extracting(Finding::code).containsExactly("FILLED_DATE_UNREADABLE");
    }
}
