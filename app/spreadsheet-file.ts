import { readFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";

/**
 * A sheet as header text and rows of cells keyed by that text. Rows are numbered as the file
 * numbers them (the header's record or sheet row included), so refusals point at the right line.
 * Blank rows are left out; blank header cells and repeats of a header (the first wins) are dropped.
 */
export interface SheetRows {
  readonly header: string[];
  readonly rows: { rowNumber: number; cells: Record<string, string> }[];
}

/** Read a residents file: .csv (UTF-8, or GB18030 as Excel in China saves it) or .xlsx (first sheet). */
export async function readSpreadsheet(file: string): Promise<SheetRows> {
  const extension = path.extname(file).toLowerCase();
  if (extension !== ".csv" && extension !== ".xlsx") {
    throw new Error(
      `不支持的文件类型 (unsupported file type "${extension || "none"}"; use .csv or .xlsx): ${file}`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`找不到文件 (file not found): ${file}`);
    throw new Error(`无法读取文件 (cannot read file, ${code ?? String(error)}): ${file}`);
  }
  if (bytes.length === 0) throw new Error(`文件是空的 (the file is empty): ${file}`);
  const records = extension === ".csv" ? csvRecords(decodeText(bytes), file) : await xlsxRecords(bytes, file);
  const sheet = toSheetRows(records);
  if (!sheet) throw new Error(`文件是空的 (the file is empty): ${file}`);
  return sheet;
}

interface NumberedRecord {
  readonly rowNumber: number;
  readonly values: string[];
}

function toSheetRows(records: readonly NumberedRecord[]): SheetRows | null {
  const filled = records.filter((record) => record.values.some((value) => value.trim() !== ""));
  const [headerRecord, ...dataRecords] = filled;
  if (!headerRecord) return null;
  const columns: { index: number; name: string }[] = [];
  headerRecord.values.forEach((value, index) => {
    const name = value.trim();
    if (name !== "" && !columns.some((column) => column.name === name)) columns.push({ index, name });
  });
  return {
    header: columns.map((column) => column.name),
    rows: dataRecords.map((record) => ({
      rowNumber: record.rowNumber,
      // fromEntries defines own properties, so a header such as "__proto__" stays a plain key.
      cells: Object.fromEntries(columns.map((column) => [column.name, record.values[column.index] ?? ""])),
    })),
  };
}

/** UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, otherwise GB18030, a superset of GBK. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** RFC 4180: quoted fields, "" for a quote, line breaks (CRLF or LF) inside quotes. Records count from 1. */
function csvRecords(text: string, file: string): NumberedRecord[] {
  const records: NumberedRecord[] = [];
  let values: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endField = () => {
    values.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push({ rowNumber: records.length + 1, values });
    values = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
      recordLine = line;
    } else if (ch === ",") endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
    } else field += ch;
  }
  if (quoted) throw new Error(`CSV 引号未闭合 (unterminated quoted field from line ${recordLine}): ${file}`);
  // The last line break is optional, and ends no extra record.
  if (field !== "" || values.length > 0) endRecord();
  return records;
}

type CellValue = ExcelJS.CellValue;

/** The cell as a worker would read it: 13800001111 not 1.38e10, 1950-01-02 not a timestamp. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return value.error;
  if ("hyperlink" in value) return cellText(value.text as CellValue);
  if ("formula" in value || "sharedFormula" in value) return cellText(value.result as CellValue);
  return "";
}

function numberText(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString("en-US", { useGrouping: false });
  return String(value);
}

async function xlsxRecords(bytes: Buffer, file: string): Promise<NumberedRecord[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs' Buffer type predates @types/node's generic Buffer.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new Error(`无法读取 Excel 文件 (not a readable .xlsx file: ${(error as Error).message}): ${file}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const records: NumberedRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    // Merged cells read as their top-left value, so a building merged down a column fills each row.
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = cellText(cell.value);
    });
    records.push({ rowNumber, values: Array.from(values, (value) => value ?? "") });
  });
  return records;
}
