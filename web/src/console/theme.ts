import type { ThemeConfig } from 'antd';

/** Union red, the colour of the ACFTU emblem, as the one accent. */
export const UNION_RED = '#c8161d';

export const consoleTheme: ThemeConfig = {
  token: {
    colorPrimary: UNION_RED,
    colorLink: UNION_RED,
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: UNION_RED, headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff' },
    Menu: { itemSelectedBg: '#fdecec', itemSelectedColor: UNION_RED },
  },
};
