// Streaming XLSX writer: typed cells, bold frozen header with auto-filter, widths, inline strings, sheets split at a row limit.
import type { ColumnType } from './columns'
import { ZipWriter, type ZipEntryWriter } from './zip'

/** Data rows per sheet: Excel's 1,048,576 rows less the header. */
export const XLSX_SHEET_ROWS = 1_048_575

export interface XlsxColumn {
  header: string
  type: ColumnType
  width: number
}

/** One value per column: text, number, boolean, a date as an Excel serial number (days since 1899-12-30), or empty. */
export type XlsxValue = string | number | boolean | null

export interface XlsxOptions {
  /** The first sheet's name; the next are "<name> (2)", "<name> (3)", … */
  sheetName: string
  sheetRowLimit?: number
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
/** Cell styles (styles.xml cellXfs): 0 default, 1 date-time, 2 bold header. */
const DATE_STYLE = 1
const HEADER_STYLE = 2
/** Rows of XML gathered before they go to the deflater (~ a few hundred KB). */
const ROWS_PER_WRITE = 512

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

const NEEDS_ESCAPE = /[&<>"\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/
const ESCAPED = /[&<>"\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

/** XML text: markup characters escaped, CR kept as a reference (parsers turn a raw CR into LF), other control characters dropped (XML cannot hold them). */
function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text
  return text.replace(ESCAPED, (char) => {
    switch (char) {
      case '&': return '&amp;'
      case '<': return '&lt;'
      case '>': return '&gt;'
      case '"': return '&quot;'
      case '\r': return '&#13;'
      default: return ''
    }
  })
}

function columnLetters(index: number): string {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

/** Excel refuses a cell of more than 32,767 characters: longer text is cut there. */
const MAX_CELL_TEXT = 32_767

function inlineString(ref: string, text: string, style = ''): string {
  const fitted = text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(fitted)}</t></is></c>`
}

/**
 * Writes rows as they come into worksheets of at most `sheetRowLimit` data rows each, the header repeated on every
 * sheet. Strings are inline (no shared-string table held in memory, whatever the export's size); the ZIP is streamed,
 * so memory stays flat. `out` receives the file's bytes and applies backpressure.
 */
export class XlsxWriter {
  private readonly zip: ZipWriter
  private readonly letters: string[]
  private readonly limit: number
  private sheet: ZipEntryWriter | null = null
  private sheetRows = 0
  private readonly sheetRowCounts: number[] = []
  private pending: string[] = []

  constructor(
    out: (chunk: Buffer) => Promise<void>,
    private readonly columns: readonly XlsxColumn[],
    private readonly options: XlsxOptions,
  ) {
    this.zip = new ZipWriter(out)
    this.letters = columns.map((_, index) => columnLetters(index))
    this.limit = options.sheetRowLimit ?? XLSX_SHEET_ROWS
    if (!Number.isInteger(this.limit) || this.limit < 1 || this.limit > XLSX_SHEET_ROWS) throw new RangeError(`sheetRowLimit must be 1 … ${XLSX_SHEET_ROWS}`)
  }

  get bytesWritten(): number {
    return this.zip.bytesWritten
  }

  private sheetName(index: number): string {
    // Sheet names: at most 31 characters, none of []:*?/\
    const base = this.options.sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 24)
    return index === 0 ? base : `${base} (${index + 1})`
  }

  private async startSheet(): Promise<void> {
    const index = this.sheetRowCounts.length
    this.sheet = await this.zip.open(`xl/worksheets/sheet${index + 1}.xml`)
    this.sheetRows = 0
    const cols = this.columns.map((column, i) => `<col min="${i + 1}" max="${i + 1}" width="${column.width}" customWidth="1"/>`).join('')
    const header = this.columns.map((column, i) => inlineString(`${this.letters[i]}1`, column.header, ` s="${HEADER_STYLE}"`)).join('')
    await this.sheet.write(
      `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData><row r="1">${header}</row>`,
    )
  }

  private filterRange(rows: number): string {
    return `A1:${this.letters[this.letters.length - 1]}${rows + 1}`
  }

  private async endSheet(): Promise<void> {
    if (this.sheet === null) return
    await this.flush()
    await this.sheet.write(`</sheetData><autoFilter ref="${this.filterRange(this.sheetRows)}"/></worksheet>`)
    await this.sheet.close()
    this.sheetRowCounts.push(this.sheetRows)
    this.sheet = null
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0 || this.sheet === null) return
    const xml = this.pending.join('')
    this.pending = []
    await this.sheet.write(xml)
  }

  private rowXml(values: readonly XlsxValue[], rowNumber: number): string {
    let xml = `<row r="${rowNumber}">`
    for (let i = 0; i < this.columns.length; i++) {
      const value = values[i]
      if (value === null || value === undefined || value === '') continue
      const ref = this.letters[i] + rowNumber
      switch (this.columns[i].type) {
        case 'integer':
          xml += `<c r="${ref}"><v>${Number(value)}</v></c>`
          break
        case 'date':
          xml += `<c r="${ref}" s="${DATE_STYLE}"><v>${Number(value)}</v></c>`
          break
        case 'boolean':
          xml += `<c r="${ref}" t="b"><v>${value === true || value === 1 || value === 'true' ? 1 : 0}</v></c>`
          break
        default:
          xml += inlineString(ref, String(value))
      }
    }
    return `${xml}</row>`
  }

  /** Adds data rows (one value per column, in column order), starting a new sheet whenever one is full. */
  async addRows(rows: readonly (readonly XlsxValue[])[]): Promise<void> {
    for (const values of rows) {
      if (this.sheet === null || this.sheetRows === this.limit) {
        await this.endSheet()
        await this.startSheet()
      }
      this.sheetRows++
      this.pending.push(this.rowXml(values, this.sheetRows + 1))
      if (this.pending.length >= ROWS_PER_WRITE) await this.flush()
    }
  }

  /** Ends the last sheet and writes the workbook parts; returns how many sheets the file has. */
  async finish(): Promise<{ sheets: number }> {
    if (this.sheet === null && this.sheetRowCounts.length === 0) await this.startSheet()
    await this.endSheet()
    const count = this.sheetRowCounts.length
    const sheets = this.sheetRowCounts.map((_, i) => `<sheet name="${escapeXml(this.sheetName(i))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
    const filters = this.sheetRowCounts
      .map((rows, i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${escapeXml(this.sheetName(i).replace(/'/g, "''"))}'!$A$1:$${this.letters[this.letters.length - 1]}$${rows + 1}</definedName>`)
      .join('')
    await this.zip.add('xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets><definedNames>${filters}</definedNames></workbook>`)
    const sheetRels = this.sheetRowCounts.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
    await this.zip.add('xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${sheetRels}<Relationship Id="rId${count + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`)
    await this.zip.add('xl/styles.xml', STYLES)
    await this.zip.add('_rels/.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
    const overrides = this.sheetRowCounts.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
    await this.zip.add(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides}</Types>`,
    )
    await this.zip.finish()
    return { sheets: count }
  }
}
