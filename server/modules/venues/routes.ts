import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf } from '../../platform/validation.ts';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import * as s from './schema.ts';
import * as v from './venues.ts';

export const venuesRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['venues'];
  const created = { 201: z.object({ id: z.number().int() }) };
  app.post(
    '/venues',
    { config: { access: 'venue.write' }, schema: { summary: 'Add a venue (职工之家, 职工书屋, 活动室, 母婴室) of a union in scope, with opening hours, closed days and the unions it is shared with', tags, body: s.createVenueBody, response: created } },
    async (req, reply) => reply.status(201).send(await v.createVenue(deps, req.caller, req.body)),
  );
  app.get(
    '/venues',
    { config: { access: 'venue.read' }, schema: { summary: 'Venues the caller manages or may book (shared with their unions)', tags, response: { 200: z.object({ items: z.array(s.venueView) }) } } },
    async (req) => v.listVenues(deps, req.caller),
  );
  app.get(
    '/venues/mine',
    { config: { access: 'authenticated' }, schema: { summary: 'Venues a member may book themselves (their union is served and the venue takes members)', tags, response: { 200: z.object({ items: z.array(s.venueView) }) } } },
    async (req) => v.memberVenues(deps, req.caller),
  );
  app.get(
    '/venues/usage',
    { config: { access: 'venue.read' }, schema: { summary: 'Usage of the venues managed in scope (or an org’s subtree): bookings and hours, by booking union', tags, querystring: s.usageQuery, response: { 200: s.usageView } } },
    async (req) => v.usage(deps, req.caller, req.query),
  );
  app.post(
    '/venues/:id/bookings',
    { config: { access: 'authenticated' }, schema: { summary: 'Book a time slot: a cadre for a union (orgId), or a member for themselves; within opening hours, never overlapping (409 booking_overlap)', tags, params: idParams, body: s.bookBody, response: created } },
    async (req, reply) => reply.status(201).send(await v.book(deps, req.caller, req.params.id, req.body)),
  );
  app.get(
    '/venues/:id/bookings',
    { config: { access: 'authenticated' }, schema: { summary: 'A venue’s schedule between two instants: cadres see every booking, members the busy times and their own', tags, params: idParams, querystring: s.bookingRange, response: { 200: z.object({ items: z.array(s.bookingView) }) } } },
    async (req) => v.venueBookings(deps, req.caller, req.params.id, req.query),
  );
  app.get(
    '/venue-bookings',
    { config: { access: 'venue.read' }, schema: { summary: 'Bookings of the venues managed in scope', tags, querystring: s.bookingListQuery, response: { 200: pageOf(s.bookingView) } } },
    async (req) => v.listBookings(deps, req.caller, req.query),
  );
  app.get(
    '/venue-bookings/export',
    { config: { access: 'venue.read' }, schema: { summary: 'Bookings as the list filters them, in Excel (audited)', tags, querystring: s.bookingExportQuery } },
    async (req, reply) => {
      const file = await v.exportBookings(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/venue-bookings/mine',
    { config: { access: 'authenticated' }, schema: { summary: 'My own bookings', tags, response: { 200: z.object({ items: z.array(s.bookingView) }) } } },
    async (req) => v.myBookings(deps, req.caller),
  );
  app.post(
    '/venue-bookings/:id/cancel',
    { config: { access: 'authenticated' }, schema: { summary: 'Cancel a booking (its booker, or a cadre of the venue’s owner or of the booking union): frees the slot; the booker is told', tags, params: idParams, response: { 200: z.object({ id: z.number().int(), status: z.literal('cancelled') }) } } },
    async (req) => v.cancelBooking(deps, req.caller, req.params.id),
  );
};
