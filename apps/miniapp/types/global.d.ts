/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform being built; Taro replaces it at build time. */
    TARO_ENV: 'weapp' | 'h5' | string;
    /** API origin without /api/v1 (see .env.example); '' on H5 means same origin. */
    TARO_APP_API_BASE?: string;
    TARO_APP_ID?: string;
  }
}
