import type { Command } from './arguments.ts';

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

const segment = encodeURIComponent;

/** The API call a command stands for; `start` takes the journey body already read from its file. */
export const apiRequest = (command: Command, startBody?: unknown): ApiRequest => {
  switch (command.name) {
    case 'start':
      return { method: 'POST', path: '/journeys', body: startBody };
    case 'show':
      return { method: 'GET', path: `/journeys/${segment(command.journeyId)}` };
    case 'list':
      return { method: 'GET', path: '/journeys', query: command.query };
    case 'move': {
      const body: {
        startDate?: string;
        sessions?: Record<string, string>;
        locations?: Record<string, string>;
      } = {};
      if (command.startDate !== undefined) body.startDate = command.startDate;
      if (Object.keys(command.sessions).length > 0) body.sessions = command.sessions;
      if (Object.keys(command.locations).length > 0) body.locations = command.locations;
      return { method: 'PATCH', path: `/journeys/${segment(command.journeyId)}`, body };
    }
    case 'cancel':
      return {
        method: 'POST',
        path: `/journeys/${segment(command.journeyId)}/cancel`,
        body: { reason: command.reason },
      };
    case 'left':
      return {
        method: 'POST',
        path: `/journeys/${segment(command.journeyId)}/left`,
        body: { on: command.on, reason: command.reason },
      };
    case 'erase':
      return { method: 'DELETE', path: `/journeys/${segment(command.journeyId)}` };
    case 'reissue':
      return {
        method: 'POST',
        path: `/journeys/${segment(command.journeyId)}/forms/${segment(command.formId)}/reissue`,
      };
  }
};
