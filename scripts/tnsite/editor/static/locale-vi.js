// The phrases Decap CMS 3.16's Vietnamese locale lacks (the CMS shows them in English
// otherwise: "Add …", "Expand", "Set date to now", "string field"). editor.js merges them into
// the CMS's own Vietnamese phrases before it starts; a test asserts that no English phrase is
// left without a Vietnamese one. Keys follow decap-cms-locales/src/en.
export const PHRASES = {
  auth: {
    loginWithAzure: 'Đăng nhập bằng Azure',
    loginWithForgejo: 'Đăng nhập bằng Forgejo',
  },
  collection: {
    collectionTop: {
      viewAsList: 'Xem dạng danh sách',
      viewAsGrid: 'Xem dạng lưới',
      groupBy: 'Nhóm theo',
    },
    entries: {
      unpublishedHeader: 'Chưa công bố',
    },
    groups: {
      other: 'Khác',
      negateLabel: 'Không phải %{label}',
    },
  },
  editor: {
    editorControl: {
      field: {
        widgetLabel: 'Ô nhập %{widgetLabel}',
      },
    },
    editorControlPane: {
      i18n: {
        writingInLocale: 'Đang viết bằng %{locale}',
        copyFromLocale: 'Điền từ ngôn ngữ khác',
        copyFromLocaleConfirm:
          'Điền nội dung từ ngôn ngữ %{locale}?\nMọi nội dung đang có sẽ bị ghi đè.',
      },
    },
    editorInterface: {
      toggleI18n: 'Bật/tắt đa ngôn ngữ',
      togglePreview: 'Bật/tắt xem trước',
      toggleScrollSync: 'Cuộn đồng thời',
      toggleNotes: 'Bật/tắt ghi chú',
    },
    editorNotesPane: {
      title: 'Ghi chú',
      emptyState: 'Chưa có ghi chú nào. Thêm ghi chú đầu tiên bên dưới.',
      addNote: 'Thêm ghi chú',
      addPlaceholder: 'Viết ghi chú...',
      editPlaceholder: 'Sửa ghi chú...',
      save: 'Lưu',
      cancel: 'Hủy',
      edit: 'Sửa',
      delete: 'Xóa',
      resolve: 'Đã xử lý',
      unresolve: 'Mở lại',
      confirmDelete: 'Xóa ghi chú này?',
      shortcut: 'Mẹo: bấm Ctrl+Enter để thêm ghi chú nhanh',
    },
    editorToolbar: {
      statusInfoTooltipDraft:
        'Mục đang là bản nháp. Để gửi duyệt, chuyển trạng thái sang “Đang xét duyệt”.',
      statusInfoTooltipInReview:
        'Mục đang được xét duyệt; không cần làm gì thêm, nhưng vẫn có thể tiếp tục sửa.',
    },
    editorWidgets: {
      markdown: {
        bold: 'Đậm',
        italic: 'Nghiêng',
        strikethrough: 'Gạch ngang',
        code: 'Mã',
        link: 'Liên kết',
        linkPrompt: 'Nhập địa chỉ của liên kết',
        headings: 'Tiêu đề',
        quote: 'Trích dẫn',
        bulletedList: 'Danh sách dấu chấm',
        numberedList: 'Danh sách đánh số',
        addComponent: 'Thêm thành phần',
        toggleMode: {
          rich: 'Chuyển sang chế độ văn bản định dạng',
          markdown: 'Chuyển sang chế độ Markdown',
        },
      },
      image: {
        chooseMultiple: 'Chọn các hình',
        chooseUrl: 'Chèn từ địa chỉ web',
        replaceUrl: 'Thay bằng địa chỉ web',
        promptUrl: 'Nhập địa chỉ web của hình',
        addMore: 'Thêm hình',
        removeAll: 'Gỡ bỏ mọi hình',
      },
      file: {
        chooseUrl: 'Chèn từ địa chỉ web',
        chooseMultiple: 'Chọn các tập tin',
        replaceUrl: 'Thay bằng địa chỉ web',
        promptUrl: 'Nhập địa chỉ web của tập tin',
        addMore: 'Thêm tập tin',
        removeAll: 'Gỡ bỏ mọi tập tin',
      },
      datetime: {
        setToNow: 'Ngay lúc này (%{fieldLabel})',
      },
      list: {
        add: 'Thêm %{item}',
        addType: 'Thêm %{item}',
      },
      object: {
        expand: 'Mở ra',
        collapse: 'Thu gọn',
      },
    },
  },
  mediaLibrary: {
    mediaLibraryCard: {
      copy: 'Sao chép',
      copyUrl: 'Sao chép địa chỉ',
      copyPath: 'Sao chép đường dẫn',
      copyName: 'Sao chép tên',
      copied: 'Đã sao chép',
    },
    mediaLibraryModal: {
      close: 'Đóng',
    },
  },
  ui: {
    settingsDropdown: {
      account: 'Tài khoản',
    },
    toast: {
      noteAdded: 'Đã thêm ghi chú',
      onFailToAddNote: 'Không thêm được ghi chú: %{details}',
      noteUpdated: 'Đã cập nhật ghi chú',
      onFailToUpdateNote: 'Không cập nhật được ghi chú: %{details}',
      noteDeleted: 'Đã xóa ghi chú',
      onFailToDeleteNote: 'Không xóa được ghi chú: %{details}',
      noteResolved: 'Ghi chú đã xử lý',
      noteReopened: 'Đã mở lại ghi chú',
      onFailToToggleNote: 'Không đổi được trạng thái ghi chú: %{details}',
    },
  },
};

// Phrases of the CMS's own Vietnamese replaced: a truncated word, and the pattern message
// (every pattern of the generated configuration carries its own Vietnamese explanation, shown
// after the field's name; the CMS's phrase would add "does not match the pattern" before it).
export const OVERRIDES = {
  editor: {
    editorToolbar: {
      status: 'Trạng thái: %{status}', // the CMS's own reads "Trạng: …"
    },
    editorControlPane: {
      widget: {
        regexPattern: '%{fieldLabel}: %{pattern}',
      },
    },
  },
};

const isObject = v => v !== null && typeof v === 'object' && !Array.isArray(v);

// `base` with the phrases of `extra`: only where `base` has none, or everywhere (`replace`).
function merge(base, extra, replace) {
  const out = { ...(base || {}) };
  for (const [key, value] of Object.entries(extra)) {
    if (isObject(value)) out[key] = merge(isObject(out[key]) ? out[key] : {}, value, replace);
    else if (replace || !(key in out)) out[key] = value;
  }
  return out;
}

// The CMS's Vietnamese phrases completed and adjusted for this site's forms.
export function vietnamese(base) {
  return merge(merge(base, PHRASES, false), OVERRIDES, true);
}
