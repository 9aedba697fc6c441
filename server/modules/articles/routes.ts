import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { fileHeaders } from '../../platform/uploads.ts';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import { idParams, pageOf } from '../../platform/validation.ts';
import * as s from './schema.ts';
import * as service from './service.ts';
import * as columns from './columns.ts';
import { deleteAttachment, imageFile, uploadAttachment, uploadImage } from './files.ts';

export const articlesRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['articles'];

  // ----- readers: anyone; a logged-in member also sees their unions' own articles -----
  app.get(
    '/articles',
    { config: { access: 'public' }, schema: { summary: 'Published articles the caller may read, pinned first, newest first (without a session: the public ones)', tags, querystring: s.readerListQuery, response: { 200: pageOf(s.readerItem) } } },
    async (req) => service.listForReader(deps, req.caller, req.query),
  );
  app.get(
    '/articles/:id',
    { config: { access: 'public' }, schema: { summary: 'Read one article (counted as a read)', tags, params: idParams, response: { 200: s.readerArticle } } },
    async (req) => service.readArticle(deps, req.caller, req.params.id),
  );
  app.get(
    '/articles/columns',
    { config: { access: 'public' }, schema: { summary: 'The readers’ column tabs: the fixed columns, then the custom ones of the caller’s unions or holding an article they may read', tags, response: { 200: s.readerColumns } } },
    async (req) => service.readerColumns(deps, req.caller),
  );
  app.get(
    '/articles/:id/attachments/:attachmentId',
    { config: { access: 'public' }, schema: { summary: 'Download an attachment, with the read rights of its article (a public one: anyone)', tags, params: s.attachmentParams } },
    async (req, reply) => {
      const f = await service.downloadAttachment(deps, req.caller, req.params.id, req.params.attachmentId);
      return reply.headers(fileHeaders(f.contentType, f.fileName, false)).header('cache-control', 'private, no-cache').send(f.body);
    },
  );
  app.get(
    '/articles/files/:key',
    { config: { access: 'public' }, schema: { summary: 'An image of an article body (served as its whitelisted type)', tags, params: s.fileParams } },
    async (req, reply) => {
      const f = await imageFile(deps, req.params.key);
      return reply.headers(fileHeaders(f.contentType, f.fileName, true)).header('cache-control', 'private, max-age=86400').send(f.body);
    },
  );

  // ----- the console -----
  app.post(
    '/articles',
    { config: { access: 'article.write' }, schema: { summary: 'Write an article for an org’s subtree or the public: a draft, or published from publishAt', tags, body: s.createArticleBody, response: { 201: s.createdArticle } } },
    async (req, reply) => reply.status(201).send(await service.createArticle(deps, req.caller, req.body)),
  );
  app.get(
    '/articles/manage',
    { config: { access: 'article.read' }, schema: { summary: 'Articles in scope with their status (drafts, scheduled, published, withdrawn)', tags, querystring: s.manageListQuery, response: { 200: pageOf(s.managedItem) } } },
    async (req) => service.listManaged(deps, req.caller, req.query),
  );
  app.get(
    '/articles/manage/export',
    { config: { access: 'article.read' }, schema: { summary: 'Articles in scope as the managing list filters them, in Excel (audited)', tags, querystring: s.manageExportQuery } },
    async (req, reply) => {
      const file = await service.exportManaged(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/articles/manage/:id',
    { config: { access: 'article.read' }, schema: { summary: 'One article in scope, for editing (not counted as a read)', tags, params: idParams, response: { 200: s.managedArticle } } },
    async (req) => service.getManaged(deps, req.caller, req.params.id),
  );
  app.patch(
    '/articles/:id',
    { config: { access: 'article.write' }, schema: { summary: 'Change an article’s column, title, text or audience', tags, params: idParams, body: s.updateArticleBody, response: { 200: s.managedArticle } } },
    async (req) => service.updateArticle(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/articles/:id/publish',
    { config: { access: 'article.write' }, schema: { summary: 'Publish a draft or withdrawn article, now or at publishAt (scheduled)', tags, params: idParams, body: s.publishBody, response: { 200: s.managedArticle } } },
    async (req) => service.publishArticle(deps, req.caller, req.params.id, req.body.publishAt),
  );
  app.post(
    '/articles/:id/withdraw',
    { config: { access: 'article.write' }, schema: { summary: 'Withdraw a published article: readers no longer see it (and it is unpinned)', tags, params: idParams, response: { 200: s.managedArticle } } },
    async (req) => service.withdrawArticle(deps, req.caller, req.params.id),
  );
  app.post(
    '/articles/:id/pin',
    { config: { access: 'article.write' }, schema: { summary: 'Pin a published article to the top of its lists, or unpin it', tags, params: idParams, body: s.pinBody, response: { 200: s.managedArticle } } },
    async (req) => service.pinArticle(deps, req.caller, req.params.id, req.body.pinned),
  );
  app.post(
    '/articles/:id/attachments',
    {
      config: { access: 'article.write' },
      schema: { summary: 'Attach a file to an article (multipart: file; PDF, DOCX or XLSX by content, at most 20 MB)', tags, params: idParams, consumes: ['multipart/form-data'], response: { 201: s.attachment } },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type');
      return reply.status(201).send(await uploadAttachment(deps, req.caller, req.params.id, req.parts()));
    },
  );
  app.delete(
    '/articles/:id/attachments/:attachmentId',
    { config: { access: 'article.write' }, schema: { summary: 'Remove an attachment from an article', tags, params: s.attachmentParams } },
    async (req, reply) => {
      await deleteAttachment(deps, req.caller, req.params.id, req.params.attachmentId);
      return reply.status(204).send();
    },
  );
  app.get(
    '/articles/columns/manage',
    { config: { access: 'article.read' }, schema: { summary: 'Columns unions added: of the orgs in scope and above them, or those an article of `usableBy` may be filed under', tags, querystring: s.manageColumnsQuery, response: { 200: z.object({ items: z.array(s.managedColumn) }) } } },
    async (req) => columns.listManagedColumns(deps, req.caller, req.query.usableBy),
  );
  app.post(
    '/articles/columns',
    { config: { access: 'article.write' }, schema: { summary: 'Add a column for the articles of an org and its subtree', tags, body: s.createColumnBody, response: { 201: s.managedColumn } } },
    async (req, reply) => reply.status(201).send(await columns.createColumn(deps, req.caller, req.body)),
  );
  app.patch(
    '/articles/columns/:id',
    { config: { access: 'article.write' }, schema: { summary: 'Rename, reorder, deactivate or reactivate a column', tags, params: idParams, body: s.updateColumnBody, response: { 200: s.managedColumn } } },
    async (req) => columns.updateColumn(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/articles/files',
    {
      config: { access: 'article.write' },
      schema: { summary: 'Upload an image for an article body (multipart: file, orgId; JPG, PNG or WebP by content, at most 5 MB)', tags, consumes: ['multipart/form-data'], response: { 201: s.articleFile } },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type');
      return reply.status(201).send(await uploadImage(deps, req.caller, req.parts()));
    },
  );
};
