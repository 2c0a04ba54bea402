import { registryCredentials } from './image-pull-policy';

const entries = {
  'registry.example.com:5000': { username: 'u', password: 'p' },
  'ghcr.io': { username: 'g', password: 'q' },
};

describe('registryCredentials', () => {
  it.each([
    [
      'registry.example.com:5000/team/app:1',
      { username: 'u', password: 'p', serverAddress: 'registry.example.com:5000' },
    ],
    ['ghcr.io/org/img', { username: 'g', password: 'q', serverAddress: 'ghcr.io' }],
    ['nginx:latest', undefined],
    ['library/nginx', undefined],
    ['other.io/x', undefined],
  ])('finds the credentials for %s by registry host', (image, expected) => {
    expect(registryCredentials(image, entries)).toEqual(expected);
  });
});
