import { Injectable } from '@nestjs/common';
import {
  briefExportFileName,
  briefToMarkdown,
  buildBriefExport,
  type BriefExportFormat,
  DomainError,
  DomainErrorCode,
  isBriefExportFormat,
  type Language,
} from '@passerelle/domain';
import { BriefPublicationRepository } from '../publication/brief-publication.repository';
import { briefToDocx } from './brief-docx';
import { briefToPdf } from './brief-pdf';

export const EXPORT_CONTENT_TYPES: Readonly<Record<BriefExportFormat, string>> = {
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** A rendered export, ready to send. */
export interface BriefExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
  /** Version asked for by number: its content never changes. */
  isPinned: boolean;
}

export interface BriefExportRequest {
  slug: string;
  format: string;
  /** The `version` query parameter as received (undefined: the current version). */
  version: string | undefined;
  /** Origin of the public site, for absolute links. */
  baseUrl: string;
  lang: Language;
}

const render: Record<
  BriefExportFormat,
  (document: ReturnType<typeof buildBriefExport>) => Promise<Buffer>
> = {
  md: (document) => Promise.resolve(Buffer.from(briefToMarkdown(document), 'utf8')),
  pdf: (document) => briefToPdf(document),
  docx: (document) => briefToDocx(document),
};

/**
 * Exports of a published brief (Markdown, PDF, DOCX), drawn from the stored snapshot of the
 * version: votes cast after publication never change a version's export.
 */
@Injectable()
export class BriefExportService {
  constructor(private readonly repository: BriefPublicationRepository) {}

  async export(request: BriefExportRequest): Promise<BriefExportFile> {
    const { format, lang } = request;
    if (!isBriefExportFormat(format)) {
      throw new DomainError(DomainErrorCode.BRIEF_EXPORT_FORMAT_INVALID, undefined, lang, {
        format,
      });
    }
    const brief = await this.repository.findPublishedBySlug(request.slug);
    if (!brief) throw new DomainError(DomainErrorCode.BRIEF_NOT_FOUND, undefined, lang);
    let version = brief.current;
    if (request.version !== undefined) {
      const number = /^[1-9]\d{0,8}$/.test(request.version) ? Number(request.version) : null;
      const found =
        number === null
          ? null
          : number === brief.current.number
            ? brief.current
            : await this.repository.findVersion(brief.id, number);
      if (!found) throw new DomainError(DomainErrorCode.BRIEF_VERSION_NOT_FOUND, undefined, lang);
      version = found;
    }
    const document = buildBriefExport(version.snapshot, {
      slug: brief.slug,
      number: version.number,
      publishedAt: version.publishedAt,
      baseUrl: request.baseUrl,
    });
    return {
      fileName: briefExportFileName(brief.slug, version.number, format),
      contentType: EXPORT_CONTENT_TYPES[format],
      body: await render[format](document),
      isPinned: request.version !== undefined,
    };
  }
}
