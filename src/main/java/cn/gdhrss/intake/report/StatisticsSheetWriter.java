package cn.gdhrss.intake.report;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The 统计 sheet: for city, category, industry 门类 and state a table of the period's cases (申报)
 * and of those the 汇总表 lists, with a total, and beside each table a column chart of it. Each
 * block prints on a page of its own, chart whole, value axis in whole numbers. Built in memory
 * (XSSF): charts cannot be streamed, and the sheet has a few dozen rows whatever the size of the summary.
 */
final class StatisticsSheetWriter {

    static final String COUNT_HEADER = "申报件数";
    static final String LISTED_HEADER = "列入汇总表";
    static final String TOTAL_LABEL = "合计";
    /** A value axis needs no more than this many gridlines to be read. */
    private static final int MAX_AXIS_STEPS = 10;

    /** Rows each block takes at least, so a chart never reaches into the next block's chart. */
    private static final int MIN_BLOCK_ROWS = 18;
    private static final int CHART_FIRST_COLUMN = 4;
    private static final int CHART_LAST_COLUMN = 11;

    private final WorkbookStyles styles;

    StatisticsSheetWriter(WorkbookStyles styles) {
        this.styles = styles;
    }

    void write(XSSFSheet sheet, SummaryReport report, SummaryStatistics statistics) {
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(1, 10 * 256);
        sheet.setColumnWidth(2, 11 * 256);
        setUpPrinting(sheet);
        Row title = sheet.createRow(0);
        text(title, 0, CellText.clean("新职业信息汇总统计（" + report.city() + "）"), styles.title());
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, CHART_LAST_COLUMN));
        text(sheet.createRow(1), 0, "本期共 " + statistics.total() + " 件申报，列入汇总表 " + statistics.listed() + " 件；"
                + SummaryLayout.filledDateLine(report), styles.plain());
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        int rowIndex = 3;
        rowIndex = writeBlock(sheet, drawing, rowIndex, "按地市统计", "地市", statistics.byCity());
        rowIndex = writeBlock(sheet, drawing, rowIndex, "按申报类别统计", "申报类别", statistics.byCategory());
        rowIndex = writeBlock(sheet, drawing, rowIndex, "按行业门类统计", "行业门类", statistics.bySection());
        writeBlock(sheet, drawing, rowIndex, "按状态统计", "状态", statistics.byStatus());
    }

    private static void setUpPrinting(XSSFSheet sheet) {
        PrintSetup printSetup = sheet.getPrintSetup();
        printSetup.setPaperSize(PrintSetup.A4_PAPERSIZE);
        printSetup.setLandscape(true);
        printSetup.setFitWidth((short) 1);
        printSetup.setFitHeight((short) 0);
        sheet.setFitToPage(true);
    }

    /** Writes one titled table and its chart from {@code firstRow}; returns the next block's row. */
    private int writeBlock(
            XSSFSheet sheet, XSSFDrawing drawing, int firstRow, String caption, String labelHeader, List<SummaryStatistics.Count> counts) {
        if (firstRow > 3) {
            // Each table with its chart on a page of its own: a chart is never cut by a page break.
            sheet.setRowBreak(firstRow - 1);
        }
        text(sheet.createRow(firstRow), 0, caption, styles.plain());
        Row header = sheet.createRow(firstRow + 1);
        text(header, 0, labelHeader, styles.header());
        text(header, 1, COUNT_HEADER, styles.header());
        text(header, 2, LISTED_HEADER, styles.header());
        int rowIndex = firstRow + 2;
        int total = 0;
        int listed = 0;
        int largest = 0;
        for (SummaryStatistics.Count count : counts) {
            countRow(sheet.createRow(rowIndex++), CellText.clean(count.label()), count.count(), count.listed());
            total += count.count();
            listed += count.listed();
            largest = Math.max(largest, count.count());
        }
        countRow(sheet.createRow(rowIndex), TOTAL_LABEL, total, listed);
        if (!counts.isEmpty()) {
            int chartRows = Math.max(MIN_BLOCK_ROWS - 1, counts.size() + 3);
            drawChart(sheet, drawing, caption, firstRow, rowIndex - 1, chartRows, largest);
        }
        return firstRow + Math.max(MIN_BLOCK_ROWS, counts.size() + 4);
    }

    private void countRow(Row row, String label, int count, int listed) {
        text(row, 0, label, styles.body());
        number(row, 1, count);
        number(row, 2, listed);
    }

    private void number(Row row, int column, int value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(styles.number());
    }

    /** A whole step for the value axis: 1, 2, 5, 10, 20, 50 … so that at most ten steps reach {@code largest}. */
    static int axisStep(int largest) {
        for (int magnitude = 1; ; magnitude *= 10) {
            for (int factor : new int[] {1, 2, 5}) {
                if (largest <= factor * magnitude * MAX_AXIS_STEPS) {
                    return factor * magnitude;
                }
            }
        }
    }

    private static void drawChart(XSSFSheet sheet, XSSFDrawing drawing, String caption, int anchorRow, int lastDataRow,
            int chartRows, int largest) {
        int firstDataRow = anchorRow + 2;
        XSSFClientAnchor anchor = drawing.createAnchor(
                0, 0, 0, 0, CHART_FIRST_COLUMN, anchorRow + 1, CHART_LAST_COLUMN + 1, anchorRow + chartRows);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(caption);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        values.setMinimum(0);
        // Counts are whole: whole steps and no decimals on the axis.
        int step = axisStep(largest);
        values.setMajorUnit(step);
        values.setMaximum(Math.max(step, (largest + step - 1) / step * step));
        values.setNumberFormat("0");
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(
                sheet, new CellRangeAddress(firstDataRow, lastDataRow, 0, 0));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        addSeries(sheet, data, labels, firstDataRow, lastDataRow, 1, COUNT_HEADER, PresetColor.STEEL_BLUE);
        addSeries(sheet, data, labels, firstDataRow, lastDataRow, 2, LISTED_HEADER, PresetColor.DARK_ORANGE);
        chart.getOrAddLegend().setPosition(LegendPosition.TOP_RIGHT);
        chart.plot(data);
    }

    private static void addSeries(XSSFSheet sheet, XDDFBarChartData data, XDDFDataSource<String> labels, int firstDataRow,
            int lastDataRow, int column, String title, PresetColor color) {
        XDDFNumericalDataSource<Double> counts = XDDFDataSourcesFactory.fromNumericCellRange(
                sheet, new CellRangeAddress(firstDataRow, lastDataRow, column, column));
        XDDFChartData.Series series = data.addSeries(labels, counts);
        series.setTitle(title, new org.apache.poi.ss.util.CellReference(sheet.getSheetName(), firstDataRow - 1, column, true, true));
        // Without an explicit fill LibreOffice draws the bars invisible.
        series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(color)));
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
